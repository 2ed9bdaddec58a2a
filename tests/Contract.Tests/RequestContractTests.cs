using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ECourt.Application.Cases;
using ECourt.Application.Filing;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;

namespace ECourt.Contract.Tests;

/// <summary>
/// Every string and list of every request body declares its bound once (<see cref="BoundAttribute"/>), and the request
/// contract holds a body to it, naming each field over its bound by its JSON path.
/// </summary>
public class RequestContractTests
{
    private static readonly Type[] Scalars = [typeof(bool), typeof(int), typeof(long), typeof(decimal)];

    /// <summary>The request bodies the API reads: every type an [ApiOperation(Request = …)] names.</summary>
    private static List<Type> RequestTypes() => ApiDocument.Operations.Select(o => o.Api.Request).OfType<Type>().Distinct().ToList();

    /// <summary>What each string, list and record property of the types and of the records they hold lacks: "Type.Property: …".</summary>
    private static List<string> Undeclared(IEnumerable<Type> roots)
    {
        var problems = new List<string>();
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(roots);
        while (queue.TryDequeue(out var type))
        {
            if (!seen.Add(type)) continue;
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (p.GetCustomAttribute<JsonIgnoreAttribute>() is not null) continue;
                var where = $"{type.FullName}.{p.Name}";
                var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
                var bound = p.GetCustomAttribute<BoundAttribute>();
                if (t == typeof(string))
                {
                    if (bound is not { Max: > 0, ItemChars: 0 }) problems.Add(where + ": a string declares [property: Bound(characters)]");
                }
                else if (RequestContract.ItemOf(t) is { } item)
                {
                    if (bound is not { Max: > 0 }) problems.Add(where + ": a list declares [property: Bound(its entries, …)]");
                    else if (item == typeof(string) && bound.ItemChars <= 0) problems.Add(where + ": a list of strings declares ItemChars");
                    else if (item != typeof(string) && bound.ItemChars != 0) problems.Add(where + ": ItemChars bounds strings only");
                    if (RequestContract.IsRecord(item)) queue.Enqueue(item);
                    else if (item != typeof(string)) problems.Add(where + $": a list of {item.Name}, which the walk does not bound");
                }
                else if (RequestContract.IsRecord(t))
                {
                    if (bound is not null) problems.Add(where + ": a record is bounded by its own properties");
                    queue.Enqueue(t);
                }
                else if (!(Scalars.Contains(t) || t.IsEnum)) problems.Add(where + $": a {t.Name}, which the walk does not bound");
                else if (t == typeof(int) && bound is not { Max: > 0 }) problems.Add(where + ": a whole number declares its range");
                else if (bound is not null
                    && t != typeof(int)) problems.Add(where + ": a bound on a value that is neither a string, a list nor a number");
            }
        }
        return problems;
    }

    [Fact]
    public void EveryStringAndListOfEveryRequest_DeclaresItsBound()
    {
        var requests = RequestTypes();
        Assert.Contains(typeof(FilingRequest), requests);
        Assert.True(requests.Count >= 12, $"Only {requests.Count} request types found: {string.Join(", ", requests.Select(t => t.Name))}");
        var problems = Undeclared(requests);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private sealed record Unbounded(string? Text, List<string?>? Texts, List<object>? Things, Dictionary<string, string>? Map,
        Nested? Inner);

    private sealed record Nested([property: Bound(10)] List<string?>? Words, [property: Bound(10)] Nested? Again);

    [Fact]
    public void TheCheck_FindsWhatIsNotBounded_InNestedRecordsToo()
    {
        var problems = Undeclared([typeof(Unbounded)]);
        string[] expected = ["Unbounded.Text", "Unbounded.Texts", "Unbounded.Things", "Unbounded.Map", "Nested.Words", "Nested.Again"];
        foreach (var property in expected)
            Assert.Contains(problems, p => p.Contains("+" + property + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryWireName_FitsTheBoundOfAValueFromAList()
    {
        var names = typeof(Domain.WireNames).Assembly.GetTypes().Concat(typeof(RequestContract).Assembly.GetTypes()).Where(t => t.IsEnum)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name).ToList();
        Assert.Contains("hk-macao-permit", names);
        Assert.All(names, n => Assert.True(n.Length <= Bounds.WireName, $"{n} is longer than {Bounds.WireName}"));
    }

    [Fact]
    public void EveryOperationThatWrites_ListsRecordTooLarge()
    {
        var paths = JsonNode.Parse(ApiDocument.Text)!["paths"]!.AsObject();
        var writes = paths.SelectMany(p => p.Value!.AsObject()).Where(o => o.Key is not "get").ToList();
        Assert.NotEmpty(writes);
        Assert.All(writes, o => Assert.NotNull(o.Value!["responses"]!["422"]));
    }

    private static RepresentativeRequest Lawyer(List<string?>? powers = null, string name = "王律师") =>
        new("lawyer", name, null, "12301199910123456", "律师事务所", "special", powers ?? ["settle"]);

    private static PartyRequest Party(List<RepresentativeRequest?>? representatives = null, RepresentativeRequest? guardian = null,
        string name = "刘志强") =>
        new("plaintiff", "person", name, null, null, null, null, null, null, null, null, null, null, null, representatives, guardian, null);

    private static FilingRequest Filing(List<PartyRequest?> parties, List<string?>? aidReasons = null) =>
        new(null, "property", null, "民间借贷纠纷", "100.00", "请求", "事实", aidReasons is null ? null : new("waive", aidReasons),
            parties);

    private static Dictionary<string, string[]> Violations(object request)
    {
        using var json = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(request, ApiJson.Options));
        return RequestContract.Violations(json.RootElement, request.GetType());
    }

    private static IReadOnlyDictionary<string, string[]> Refused(object request) =>
        Violations(request) is { Count: > 0 } errors ? errors : throw new Xunit.Sdk.XunitException("The request was not refused.");

    [Fact]
    public void AListOverItsBound_NamedByItsJsonPath_InsideListsAndRecords()
    {
        var parties = Enumerable.Range(0, 4).Select(_ => Party()).ToList<PartyRequest?>();
        parties[3] = Party([Lawyer(["settle", "withdraw", "appeal", "settle"])]);
        var errors = Refused(Filing(parties));
        Assert.Equal(["parties[3].representatives[0].specialPowers"], errors.Keys);
        Assert.Equal($"At most {Domain.Parties.SpecialPowers.Max} entries.",
            Assert.Single(errors["parties[3].representatives[0].specialPowers"]));
    }

    [Fact]
    public void AListOverItsBound_NotWalkedInto_OneMessage()
    {
        var tooMany = Enumerable.Range(0, PartyReader.MaxParties + 1).Select(_ => Party(name: new string('名', 1000)))
            .ToList<PartyRequest?>();
        Assert.Equal(["parties"], Refused(Filing(tooMany)).Keys);
    }

    [Fact]
    public void StringsOverTheirBounds_AnItemOfAListAndAFieldOfANestedRecord_EachNamed()
    {
        var guardian = new RepresentativeRequest(null, "刘父", null, new string('1', Bounds.Code + 1), null, null, null);
        var filing = Filing([Party(guardian: guardian), Party()], ["理由", new string('贫', Validation.MaxReasonChars + 1)]);
        Assert.Equal(["feeAid.reasons[1]", "parties[0].guardian.licenceNumber"], Refused(filing).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryFieldAtItsBound_Passes_CharactersCountedAsCodePoints()
    {
        // 𠮷 (U+20BB7, a surname's variant character) is one character in two UTF-16 units.
        var name = string.Concat(Enumerable.Repeat("𠮷", Bounds.Name));
        var parties = Enumerable.Range(0, PartyReader.MaxParties)
            .Select(_ => Party([Lawyer(["settle", "withdraw", "appeal"], name), Lawyer()], name: name)).ToList<PartyRequest?>();
        var reasons = Enumerable.Repeat(new string('贫', Validation.MaxReasonChars), Validation.MaxReasons).ToList<string?>();
        Assert.Empty(Violations(Filing(parties, reasons)));

        parties[0] = Party(name: name + "𠮷");
        Assert.Equal(["parties[0].name"], Refused(Filing(parties)).Keys);
    }
}
