using System.Text.Json;
using Azure.Messaging.ServiceBus;
using ECourt.Functions.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>A bank's daily statement reconciled against the case ledgers and suspense, shown to finance staff.</summary>
public partial class ReconciliationTests
{
    private static readonly string Finance = CourtTestHost.Staff("finance-sun", "finance");
    private const string Unknown = "6217000198110009996";

    private static async Task CreditAsync(CourtTestHost host, string bank, string tx, string account, string amount, string bookedAt = "2098-11-27T10:15:00+08:00")
    {
        var body = $$"""
            {"messageType":"credit","bankCode":"{{bank}}","bankTransactionId":"{{tx}}","accountNumber":"{{account}}","amount":"{{amount}}",
             "currency":"CNY","channel":"counter","valueDate":"{{bookedAt[..10]}}","bookedAt":"{{bookedAt}}"}
            """;
        var message = ServiceBusModelFactory.ServiceBusReceivedMessage(BinaryData.FromString(body), messageId: $"{bank}:{tx}", deliveryCount: 1, lockTokenGuid: Guid.NewGuid());
        Assert.Equal(BankSettlement.Completed, (await host.Services.GetRequiredService<BankCreditHandler>().HandleAsync(message, new RecordedSettlement(), default)).Outcome);
    }

    private static readonly JsonSerializerOptions Plain = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Statement(string bank, string date, params (string Tx, string Account, decimal Amount)[] entries) => JsonSerializer.Serialize(new
    {
        messageType = "statement",
        bankCode = bank,
        statementDate = date,
        entries = entries.Select((e, i) => new { bankTransactionId = e.Tx, accountNumber = e.Account, amount = e.Amount.ToString("0.00"), bookedAt = $"{date}T{9 + i % 8:D2}:30:00+08:00" }),
        count = entries.Length,
        total = entries.Sum(e => e.Amount).ToString("0.00"),
    }, Plain);

    private static async Task<(BankMessageOutcome Outcome, RecordedSettlement Receiver)> StatementAsync(CourtTestHost host, string body)
    {
        var receiver = new RecordedSettlement();
        var message = ServiceBusModelFactory.ServiceBusReceivedMessage(BinaryData.FromString(body), messageId: Guid.NewGuid().ToString("N"), deliveryCount: 1, lockTokenGuid: Guid.NewGuid());
        return (await host.Services.GetRequiredService<BankStatementHandler>().HandleAsync(message, receiver, default), receiver);
    }

    private static async Task<string> AccountAsync(CourtTestHost host, string filer) =>
        (await host.RegisteredAsync(filer, Filings.Property(filer))).GetProperty("feeNotice").GetProperty("accountNumber").GetString()!;

    [Fact]
    public async Task EveryKindOfMismatch_Flagged_ThenCorrectedStatement_Balanced()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var a = await AccountAsync(host, "user-liu");
        var b = await AccountAsync(host, "user-chen");
        await CreditAsync(host, "ICBC", "T1", a, "2300.00");
        await CreditAsync(host, "ICBC", "T2", b, "1000.00");
        await CreditAsync(host, "ICBC", "T3", Unknown, "500.00");
        await CreditAsync(host, "ICBC", "T4", a, "100.00");
        await CreditAsync(host, "ICBC", "T6", a, "50.00");
        // Another bank's credit and another day's credit are not this statement's business.
        await CreditAsync(host, "ABC", "T9", a, "1.00");
        await CreditAsync(host, "ICBC", "T8", a, "2.00", bookedAt: "2098-11-28T00:00:00+08:00");

        var (outcome, receiver) = await StatementAsync(host, Statement("ICBC", "2098-11-27",
            ("T1", a, 2300.00m), ("T2", b, 1200.00m), ("T3", Unknown, 500.00m), ("T5", a, 700.00m), ("T6", b, 50.00m)));
        Assert.Equal(BankSettlement.Completed, outcome.Outcome);
        Assert.Equal("complete", Assert.Single(receiver.Settlements).Action);

        var result = await host.GetAsync("/api/reconciliation/ICBC/2098-11-27", Finance);
        Assert.Equal(200, result.Status);
        var r = result.Json;
        Assert.Equal("mismatch", r.GetProperty("status").GetString());
        Assert.Equal(5, r.GetProperty("entries").GetInt32());
        Assert.Equal(2, r.GetProperty("matched").GetInt32());
        Assert.Equal(1, r.GetProperty("missingFromLedger").GetInt32());
        Assert.Equal(1, r.GetProperty("missingFromStatement").GetInt32());
        Assert.Equal(1, r.GetProperty("amountDifferences").GetInt32());
        Assert.Equal(1, r.GetProperty("accountDifferences").GetInt32());
        Assert.Equal("4750.00", r.GetProperty("statementTotal").GetString());
        Assert.Equal("3950.00", r.GetProperty("bookedTotal").GetString());
        var lines = r.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("bankTransactionId").GetString()!);
        Assert.Equal(6, lines.Count);
        Assert.Equal("matched", lines["T1"].GetProperty("kind").GetString());
        Assert.Equal("amount-difference", lines["T2"].GetProperty("kind").GetString());
        Assert.Equal("1200.00", lines["T2"].GetProperty("statementAmount").GetString());
        Assert.Equal("1000.00", lines["T2"].GetProperty("bookedAmount").GetString());
        Assert.Equal("matched", lines["T3"].GetProperty("kind").GetString());
        Assert.Equal("suspense", lines["T3"].GetProperty("holder").GetString());
        Assert.Equal("missing-from-statement", lines["T4"].GetProperty("kind").GetString());
        Assert.StartsWith("cs", lines["T4"].GetProperty("caseId").GetString());
        Assert.Equal("missing-from-ledger", lines["T5"].GetProperty("kind").GetString());
        Assert.Equal("account-difference", lines["T6"].GetProperty("kind").GetString());

        var mismatches = await host.GetAsync("/api/reconciliation/ICBC/2098-11-27?mismatchesOnly=true&pageSize=3", Finance);
        Assert.Equal(3, mismatches.Json.GetProperty("lines").GetArrayLength());
        var token = mismatches.Json.GetProperty("continuationToken").GetString();
        var rest = await host.GetAsync($"/api/reconciliation/ICBC/2098-11-27?mismatchesOnly=true&pageSize=3&continuationToken={token}", Finance);
        Assert.Equal(1, rest.Json.GetProperty("lines").GetArrayLength());
        Assert.True(!rest.Json.TryGetProperty("continuationToken", out var none) || none.ValueKind == JsonValueKind.Null);

        // The missing credit arrives late: finance runs the day again against the stored statement; T5 now matches.
        await CreditAsync(host, "ICBC", "T5", a, "700.00");
        Assert.Equal(403, (await host.PostJsonAsync("/api/reconciliation/ICBC/2098-11-27/rerun", CourtTestHost.Principal("user-liu", "party"), new { })).Status);
        var rerun = await host.PostJsonAsync("/api/reconciliation/ICBC/2098-11-27/rerun", Finance, new { });
        Assert.Equal(200, rerun.Status);
        Assert.Equal(3, rerun.Json.GetProperty("matched").GetInt32());
        Assert.Equal(0, rerun.Json.GetProperty("missingFromLedger").GetInt32());
        Assert.Equal("4750.00", rerun.Json.GetProperty("statementTotal").GetString());
        Assert.Equal("mismatch", rerun.Json.GetProperty("status").GetString());
        // Then the bank corrects its statement and sends it again: the new result replaces the old.
        var (again, _) = await StatementAsync(host, Statement("ICBC", "2098-11-27",
            ("T1", a, 2300.00m), ("T2", b, 1000.00m), ("T3", Unknown, 500.00m), ("T4", a, 100.00m), ("T5", a, 700.00m), ("T6", a, 50.00m)));
        Assert.Equal(BankSettlement.Completed, again.Outcome);
        var balanced = (await host.GetAsync("/api/reconciliation/ICBC/2098-11-27", Finance)).Json;
        Assert.Equal("balanced", balanced.GetProperty("status").GetString());
        Assert.Equal(6, balanced.GetProperty("matched").GetInt32());
        Assert.Equal(6, balanced.GetProperty("lines").GetArrayLength());
        Assert.Equal("4650.00", balanced.GetProperty("bookedTotal").GetString());
        Assert.Equal(400, (await host.GetAsync($"/api/reconciliation/ICBC/2098-11-27?mismatchesOnly=true&pageSize=3&continuationToken={token}", Finance)).Status);
    }

    [Fact]
    public async Task Access_FinanceOnly_UnknownDayNotFound_BadPathRefused()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        Assert.Equal(BankSettlement.Completed, (await StatementAsync(host, Statement("CCB", "2098-11-27"))).Outcome.Outcome);
        var empty = await host.GetAsync("/api/reconciliation/CCB/2098-11-27", Finance);
        Assert.Equal(200, empty.Status);
        Assert.Equal("balanced", empty.Json.GetProperty("status").GetString());
        Assert.Equal(403, (await host.GetAsync("/api/reconciliation/CCB/2098-11-27", CourtTestHost.Principal("user-liu", "party"))).Status);
        Assert.Equal(403, (await host.GetAsync("/api/reconciliation/CCB/2098-11-27", CourtTestHost.Staff("clerk-wang", "clerk"))).Status);
        Assert.Equal(401, (await host.GetAsync("/api/reconciliation/CCB/2098-11-27", null)).Status);
        Assert.Equal(404, (await host.GetAsync("/api/reconciliation/CCB/2098-11-26", Finance)).Status);
        Assert.Equal(400, (await host.GetAsync("/api/reconciliation/ccb/2098-11-27", Finance)).Status);
        var badDate = await host.GetAsync("/api/reconciliation/CCB/2098-13-01", Finance);
        Assert.Equal(400, badDate.Status);
        Assert.StartsWith("application/problem+json", badDate.ContentType);
    }

    [Theory]
    [InlineData("unparseable", "unparseable")]
    [InlineData("number", "schema-violation")]
    [InlineData("count", "statement-count-mismatch")]
    [InlineData("total", "statement-total-mismatch")]
    [InlineData("day", "statement-date-mismatch")]
    [InlineData("twice", "statement-duplicate-transaction")]
    public async Task BadStatement_DeadLetteredNamingTheRule_NothingStored(string variant, string rule)
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var good = Statement("ICBC", "2098-11-27", ("T1", Unknown, 2300.00m));
        var body = variant switch
        {
            "unparseable" => good[..20],
            "number" => good.Replace("\"total\":\"2300.00\"", "\"total\":2300.00"),
            "count" => good.Replace("\"count\":1", "\"count\":2"),
            "total" => good.Replace("\"total\":\"2300.00\"", "\"total\":\"2300.01\""),
            "day" => good.Replace("2098-11-27T09:30:00+08:00", "2098-11-27T16:30:00Z"),
            _ => Statement("ICBC", "2098-11-27", ("T1", Unknown, 1.00m), ("T1", Unknown, 2.00m)),
        };
        var (outcome, receiver) = await StatementAsync(host, body);
        Assert.Equal(BankSettlement.DeadLettered, outcome.Outcome);
        var settled = Assert.Single(receiver.Settlements);
        Assert.Equal(rule, settled.Reason);
        Assert.Equal(404, (await host.GetAsync("/api/reconciliation/ICBC/2098-11-27", Finance)).Status);
    }
}
