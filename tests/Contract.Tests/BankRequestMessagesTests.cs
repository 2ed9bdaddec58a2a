using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ECourt.Adapters.BankMessages;
using ECourt.Domain;
using ECourt.Domain.Enforcement;

namespace ECourt.Contract.Tests;

/// <summary>
/// The bank request and reply messages of enforcement against their published schemas (schemas/bank-*.schema.json): what the court
/// writes validates, what a bank answers is read into the reply record, and a reply that breaks its schema is refused naming the rule.
/// </summary>
public class BankRequestMessagesTests
{
    private const string CaseId = "cs0123456789abcdef01234567";
    private static readonly DateTimeOffset Created = new(2098, 11, 27, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Sent = new(2098, 11, 27, 1, 2, 3, TimeSpan.Zero);

    public static TheoryData<string> RequestKinds => new() { "asset-inquiry", "freeze", "deduct", "payout" };

    public static TheoryData<string> ReplyKinds => new() { "asset-inquiry-result", "freeze-result", "deduct-result", "payout-result" };

    public static BankRequest Request(BankRequestKind kind, string bankCode = "ICBC", int number = 1)
    {
        var request = new BankRequest(BankRequestIds.For(CaseId, number), kind, bankCode, CaseId, "（2098）黑01执123号", "黑01", Created);
        return kind switch
        {
            BankRequestKind.AssetInquiry => request with
            {
                Subjects = [new(2, "王某某", "resident-id", "11010519491231002X"), new(3, "某某贸易有限公司", "credit-code", "91230100MA1B2C3D4E")],
            },
            BankRequestKind.Freeze => request with
            {
                AccountNumber = "6222020200112233",
                Amount = 2300m,
                FrozenUntil = new DateOnly(2099, 11, 26),
                RenewsRequestId = BankRequestIds.For(CaseId, 7),
            },
            BankRequestKind.Deduct => request with { AccountNumber = "6222020200112233", Amount = 1234.5m, CaseAccount = "62170001000123" },
            _ => request with
            {
                Amount = 0.05m,
                CaseAccount = "62170001000123",
                Payee = new PayeeAccount("刘志强", "6217000010001234567", "中国建设银行哈尔滨分行"),
            },
        };
    }

    private static JsonObject Written(BankRequest request) => JsonNode.Parse(BankRequestWriter.Write(request, Sent))!.AsObject();

    [Theory]
    [MemberData(nameof(RequestKinds))]
    public void EveryRequestKind_WrittenAsItsSchemaSays(string messageType)
    {
        Assert.True(WireNames.TryParse<BankRequestKind>(messageType, out var kind));
        var bytes = BankRequestWriter.Write(Request(kind), Sent);
        using var written = JsonDocument.Parse(bytes);
        Assert.Empty(BankMessageSchemas.Violations(BankMessageSchemas.Of(messageType), written.RootElement));
        var json = Written(Request(kind));
        Assert.Equal(messageType, (string?)json["messageType"]);
        Assert.Equal(BankRequestIds.For(CaseId, 1), (string?)json["requestId"]);
        Assert.Equal("ICBC", (string?)json["bankCode"]);
        Assert.Equal("（2098）黑01执123号", (string?)json["caseNumber"]);
        Assert.Equal("2098-11-27T09:02:03+08:00", (string?)json["sentAt"]);
        // Chinese is written as itself, not as \u escapes, so a bank reading the raw message reads the names.
        Assert.Contains("黑01", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void RequestFields_ByKind_MoneyWithTwoPlaces()
    {
        var inquiry = Written(Request(BankRequestKind.AssetInquiry));
        Assert.Equal("""[{"partyNumber":2,"name":"王某某","idKind":"resident-id","idNumber":"11010519491231002X"},"""
            + """{"partyNumber":3,"name":"某某贸易有限公司","idKind":"credit-code","idNumber":"91230100MA1B2C3D4E"}]""",
            inquiry["subjects"]!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var freeze = Written(Request(BankRequestKind.Freeze));
        Assert.Equal(("6222020200112233", "2300.00", "2099-11-26"),
            ((string?)freeze["accountNumber"], (string?)freeze["amount"], (string?)freeze["frozenUntil"]));
        Assert.Equal(BankRequestIds.For(CaseId, 7), (string?)freeze["renewsRequestId"]);
        Assert.False(Written(Request(BankRequestKind.Freeze) with { RenewsRequestId = null }).ContainsKey("renewsRequestId"));
        var deduct = Written(Request(BankRequestKind.Deduct));
        Assert.Equal(("6222020200112233", "1234.50", "62170001000123"),
            ((string?)deduct["accountNumber"], (string?)deduct["amount"], (string?)deduct["caseAccount"]));
        var payout = Written(Request(BankRequestKind.Payout));
        Assert.Equal(("0.05", "62170001000123"), ((string?)payout["amount"], (string?)payout["caseAccount"]));
        Assert.Equal("6217000010001234567", (string?)payout["payee"]!["accountNumber"]);
        Assert.Equal("中国建设银行哈尔滨分行", (string?)payout["payee"]!["bankName"]);
        // Only the kind's own fields go out: a deduction names no subjects, an inquiry no amount.
        Assert.False(deduct.ContainsKey("subjects"));
        Assert.False(inquiry.ContainsKey("amount"));
    }

    [Fact]
    public void ARequestWithoutItsKindsFields_OrWithFractionsOfAFen_IsNotWritten()
    {
        static void Refused(BankRequest request) => Assert.Throws<InvalidOperationException>(() => BankRequestWriter.Write(request, Sent));
        Refused(Request(BankRequestKind.Freeze) with { FrozenUntil = null });
        Refused(Request(BankRequestKind.Payout) with { Payee = null });
        Refused(Request(BankRequestKind.AssetInquiry) with { Subjects = [] });
        Refused(Request(BankRequestKind.Deduct) with { Amount = 10.005m });
    }

    private static readonly string RequestId = BankRequestIds.For(CaseId, 3);

    private static string Reply(string messageType, string outcome, string more) =>
        $$"""
        {"messageType":"{{messageType}}","requestId":"{{RequestId}}","bankCode":"CCB","outcome":"{{outcome}}",
         "answeredAt":"2098-11-28T10:15:00+08:00"{{more}}}
        """;

    public static string ValidReply(string messageType) => messageType switch
    {
        "asset-inquiry-result" => Reply(messageType, "answered", """
            ,"accounts":[{"partyNumber":2,"accountNumber":"6217000010001234567","accountKind":"demand-deposit","balance":"12000.50"},
                         {"partyNumber":3,"accountNumber":"6217000010009999999","accountKind":"time-deposit","balance":"0.00"}]
            """),
        "freeze-result" => Reply(messageType, "queued", ""","amount":"2300.00","frozenUntil":"2099-11-26" """),
        "deduct-result" => Reply(messageType, "deducted", ""","amount":"1234.50","bankTransactionId":"20981128-000123" """),
        _ => Reply(messageType, "paid", ""","amount":"0.05","bankTransactionId":"P-77" """),
    };

    [Theory]
    [MemberData(nameof(ReplyKinds))]
    public void EveryReplyKind_Valid_IsRead(string messageType)
    {
        var (reply, rule, reason) = BankReplyReader.Read(BinaryData.FromString(ValidReply(messageType)));
        Assert.True(rule is null, $"{rule}: {reason}");
        Assert.NotNull(reply);
        Assert.Equal(messageType, reply.Kind.WireName());
        Assert.Equal(RequestId, reply.RequestId);
        Assert.Equal("CCB", reply.BankCode);
        Assert.Equal(new DateTimeOffset(2098, 11, 28, 10, 15, 0, TimeSpan.FromHours(8)), reply.AnsweredAt);
        Assert.Null(reply.Reason);
        switch (reply.Kind)
        {
            case BankReplyKind.AssetInquiryResult:
                Assert.Equal(BankOutcome.Answered, reply.Outcome);
                Assert.Equal(
                    [
                        new FoundAccount(2, "6217000010001234567", "demand-deposit", 12000.50m),
                        new FoundAccount(3, "6217000010009999999", "time-deposit", 0m),
                    ],
                    reply.Accounts);
                break;
            case BankReplyKind.FreezeResult:
                Assert.Equal((BankOutcome.Queued, 2300m, new DateOnly(2099, 11, 26)), (reply.Outcome, reply.Amount, reply.FrozenUntil));
                break;
            case BankReplyKind.DeductResult:
                Assert.Equal((BankOutcome.Deducted, 1234.50m, "20981128-000123"), (reply.Outcome, reply.Amount, reply.BankTransactionId));
                break;
            default:
                Assert.Equal((BankOutcome.Paid, 0.05m, "P-77"), (reply.Outcome, reply.Amount, reply.BankTransactionId));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(ReplyKinds))]
    public void EveryReplyKind_Refused_WithItsReason_IsRead(string messageType)
    {
        var (reply, rule, _) = BankReplyReader.Read(BinaryData.FromString(Reply(messageType, "refused", ""","reason":"账户已销户" """)));
        Assert.Null(rule);
        Assert.Equal((BankOutcome.Refused, "账户已销户"), (reply!.Outcome, reply.Reason));
        Assert.Empty(reply.Accounts);
        Assert.Null(reply.Amount);
    }

    [Theory]
    [InlineData("missing requestId", "schema-violation", "requestId")]
    [InlineData("outcome of another kind", "schema-violation", "/outcome")]
    [InlineData("negative balance", "schema-violation", "/accounts/0/balance")]
    [InlineData("negative amount", "schema-violation", "/amount")]
    [InlineData("zero amount deducted", "schema-violation", "/amount")]
    [InlineData("three decimals", "schema-violation", "/amount")]
    [InlineData("refused without reason", "schema-violation", "reason")]
    [InlineData("frozen without amount", "schema-violation", "amount")]
    [InlineData("accounts on a refusal", "schema-violation", "accounts")]
    [InlineData("unknown field", "schema-violation", "bonus")]
    [InlineData("not a calendar date", "schema-violation", "frozenUntil")]
    [InlineData("not an instant", "schema-violation", "answeredAt")]
    [InlineData("unknown messageType", "unknown-message-type", "settle-result")]
    [InlineData("a request, not a reply", "unknown-message-type", "freeze")]
    [InlineData("no messageType", "schema-violation", "messageType")]
    [InlineData("not an object", "schema-violation", "messageType")]
    [InlineData("not JSON", "unparseable", "not JSON")]
    public void ABadReply_IsRefused_NamingTheRule(string what, string expectedRule, string reasonMentions)
    {
        var body = what switch
        {
            "missing requestId" => ValidReply("payout-result").Replace($"\"requestId\":\"{RequestId}\",", ""),
            "outcome of another kind" => ValidReply("freeze-result").Replace("\"queued\"", "\"paid\""),
            "negative balance" => ValidReply("asset-inquiry-result").Replace("\"12000.50\"", "\"-12000.50\""),
            "negative amount" => ValidReply("deduct-result").Replace("\"1234.50\"", "\"-1234.50\""),
            "zero amount deducted" => ValidReply("deduct-result").Replace("\"1234.50\"", "\"0.00\""),
            "three decimals" => ValidReply("payout-result").Replace("\"0.05\"", "\"0.050\""),
            "refused without reason" => Reply("payout-result", "refused", ""),
            "frozen without amount" => Reply("freeze-result", "frozen", ""","frozenUntil":"2099-11-26" """),
            "accounts on a refusal" => Reply("asset-inquiry-result", "refused", ""","reason":"x","accounts":[]"""),
            "unknown field" => Reply("payout-result", "refused", ""","reason":"x","bonus":"1.00" """),
            "not a calendar date" => ValidReply("freeze-result").Replace("2099-11-26", "2099-02-30"),
            "not an instant" => ValidReply("payout-result").Replace("2098-11-28T10:15:00", "2098-11-28T25:15:00"),
            "unknown messageType" => Reply("settle-result", "refused", ""","reason":"x" """),
            "a request, not a reply" => Written(Request(BankRequestKind.Freeze)).ToJsonString(),
            "no messageType" => ValidReply("payout-result").Replace("\"messageType\":\"payout-result\",", ""),
            "not an object" => "[1,2]",
            _ => "{not json",
        };
        var (reply, rule, reason) = BankReplyReader.Read(BinaryData.FromString(body));
        Assert.Null(reply);
        Assert.Equal(expectedRule, rule);
        Assert.Contains(reasonMentions, reason, StringComparison.Ordinal);
    }

    public static TheoryData<string> NewSchemas => new()
    {
        "asset-inquiry", "freeze", "deduct", "payout", "asset-inquiry-result", "freeze-result", "deduct-result", "payout-result",
    };

    [Theory]
    [MemberData(nameof(NewSchemas))]
    public void EverySchema_IsPublished_Closed_AndDescribesEveryField(string messageType)
    {
        var file = Repository.Path_("schemas", $"bank-{messageType}.schema.json");
        var schema = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.Equal(messageType, (string?)schema["properties"]!["messageType"]!["const"]);
        foreach (var (path, node) in Objects(schema, ""))
        {
            if (node["properties"] is not JsonObject properties) continue;
            Assert.True(node["additionalProperties"]?.GetValue<bool>() == false, $"{file} {path}: additionalProperties is not false");
            foreach (var (name, property) in properties)
                Assert.False(string.IsNullOrWhiteSpace((string?)property!["description"]), $"{file} {path}/{name} has no description");
        }
        // The embedded copy the adapters validate against is this very file.
        Assert.NotNull(BankMessageSchemas.Of(messageType));
    }

    private static IEnumerable<(string Path, JsonObject Node)> Objects(JsonObject node, string path)
    {
        yield return (path, node);
        // The conditions under allOf name fields already described; they are not fields of their own.
        foreach (var (name, child) in node.Where(p => p.Key != "allOf"))
        {
            var children = child switch
            {
                JsonObject o => Objects(o, path + "/" + name),
                JsonArray a => a.OfType<JsonObject>().SelectMany((o, i) => Objects(o, $"{path}/{name}/{i}")),
                _ => [],
            };
            foreach (var c in children) yield return c;
        }
    }
}
