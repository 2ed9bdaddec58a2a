using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using ECourt.Application.Cases;
using ECourt.Application.Filing;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;

namespace ECourt.Contract.Tests;

/// <summary>
/// What the API document promises of a request body, the server enforces: for every request schema the document
/// publishes, a body that keeps every published constraint is read, and a body that breaks any one of them (a required
/// field left out, a wrong type, a null, a string or list over its bound, a value outside its list, a form not kept, a
/// number out of range, a field the schema does not name) is refused with 400 naming that field. The bodies are made from
/// the document, not from the code's declaration, so a constraint published but not enforced (or the reverse) fails here.
/// </summary>
public class RequestSchemaTests
{
    private static readonly JsonObject Document = JsonNode.Parse(ApiDocument.Text)!.AsObject();

    private static readonly JsonObject Schemas = Document["components"]!["schemas"]!.AsObject();

    /// <summary>A value of each published pattern, by the form that publishes it.</summary>
    private static readonly Dictionary<FieldForm, string> Samples = new()
    {
        [FieldForm.Date] = "2026-12-07",
        [FieldForm.Money] = "2300.00",
        [FieldForm.CaseId] = "cs0123456789abcdef01234567",
        [FieldForm.IdentityNumber] = "23010219900307001x",
        [FieldForm.CreditCode] = "91230100MA1ABCDE0N",
        [FieldForm.DateTime] = "2026-12-07T09:00:00+08:00",
    };

    public static TheoryData<string> RequestTypes() => new(ApiDocument.Operations.Select(o => o.Api.Request).OfType<Type>().Distinct()
        .Select(t => t.AssemblyQualifiedName!));

    private static JsonObject Resolve(JsonNode schema) =>
        schema["$ref"] is { } r ? Schemas[r.GetValue<string>()["#/components/schemas/".Length..]]!.AsObject() : schema.AsObject();

    /// <summary>A body keeping every constraint of the schema, with every optional field given too.</summary>
    private static JsonNode Valid(JsonNode schemaNode)
    {
        var schema = Resolve(schemaNode);
        if (schema["enum"] is JsonArray values) return values[0]!.DeepClone();
        switch (schema["type"]!.GetValue<string>())
        {
            case "object":
                var body = new JsonObject();
                foreach (var (name, property) in schema["properties"]!.AsObject()) body[name] = Valid(property!);
                return body;
            case "array":
                return new JsonArray(Valid(schema["items"]!));
            case "integer":
                return schema["minimum"]?.GetValue<int>() ?? 1;
            case "boolean":
                return true;
            default:
                if (schema["pattern"] is { } pattern)
                    return Samples.Single(s => s.Key.Pattern() == pattern.GetValue<string>()).Value;
                return "文";
        }
    }

    /// <summary>Every way to break one published constraint, with the field the refusal must name.</summary>
    private static IEnumerable<(string Field, string What, JsonNode Body)> Violations(JsonNode root)
    {
        var valid = Valid(root);
        var objects = new HashSet<string>();
        foreach (var (path, parent, key, schemaNode) in Fields(root, valid, ""))
        {
            var schema = Resolve(schemaNode);
            JsonNode With(JsonNode? value)
            {
                var copy = valid.DeepClone();
                Set(Locate(copy, parent), key, value);
                return copy;
            }
            if (Locate(valid, parent) is JsonObject && objects.Add(parent))
            {
                var copy = valid.DeepClone();
                Locate(copy, parent)["unknownField"] = "x";
                yield return (parent.Length == 0 ? "unknownField" : parent + ".unknownField", "a field the schema does not name", copy);
            }
            var type = schema["type"]?.GetValue<string>();
            yield return (path, "null", With(null));
            yield return (path, "a wrong type", With(type is "string" ? JsonValue.Create(12345) : JsonValue.Create("12345")));
            if (schema["maxLength"] is { } maxLength) yield return (path, "over maxLength", With(new string('长',
                maxLength.GetValue<int>() + 1)));
            if (schema["minLength"] is not null) yield return (path, "under minLength", With(""));
            if (schema["pattern"] is not null) yield return (path, "off its pattern", With("!"));
            if (schema["enum"] is not null) yield return (path, "outside its values", With("not-a-value"));
            if (schema["minimum"] is { } min) yield return (path, "under minimum", With(min.GetValue<int>() - 1));
            if (schema["maximum"] is { } max) yield return (path, "over maximum", With(max.GetValue<int>() + 1));
            if (schema["maxItems"] is { } maxItems)
                yield return (path, "over maxItems", With(new JsonArray(Enumerable.Range(0, maxItems.GetValue<int>() + 1)
                    .Select(_ => Valid(schema["items"]!)).ToArray())));
        }
        foreach (var (path, parentPath, required) in RequiredFields(root, valid, ""))
        {
            var copy = valid.DeepClone();
            Locate(copy, parentPath).AsObject().Remove(required);
            yield return (path, "a required field left out", copy);
        }
    }

    /// <summary>Each field of the valid body: its path, its parent's path, its name, its schema (into records and lists' first
    /// entries).</summary>
    private static IEnumerable<(string Path, string Parent, string Key, JsonNode Schema)> Fields(JsonNode schemaNode, JsonNode value,
        string path)
    {
        var schema = Resolve(schemaNode);
        if (schema["type"]?.GetValue<string>() == "object")
            foreach (var (name, property) in schema["properties"]!.AsObject())
            {
                var field = path.Length == 0 ? name : path + "." + name;
                yield return (field, path, name, property!);
                foreach (var inner in Fields(property!, value[name]!, field)) yield return inner;
            }
        else if (schema["type"]?.GetValue<string>() == "array")
        {
            var item = schema["items"]!;
            var field = path + "[0]";
            var resolved = Resolve(item);
            if (resolved["type"]?.GetValue<string>() == "object")
                foreach (var inner in Fields(item, value[0]!, field)) yield return inner;
            else if (resolved["type"] is not null || resolved["enum"] is not null)
                // A list of strings: its entry's own constraints, set on the list's first entry.
                foreach (var constraint in new[] { "maxLength", "pattern", "enum" })
                    if (resolved[constraint] is not null) { yield return (field, path, "0", item); break; }
        }
    }

    private static IEnumerable<(string Path, string Parent, string Name)> RequiredFields(JsonNode schemaNode, JsonNode value, string path)
    {
        var schema = Resolve(schemaNode);
        if (schema["type"]?.GetValue<string>() == "object")
        {
            foreach (var name in schema["required"]?.AsArray().Select(n => n!.GetValue<string>()) ?? [])
                yield return (path.Length == 0 ? name : path + "." + name, path, name);
            foreach (var (name, property) in schema["properties"]!.AsObject())
                foreach (var inner in RequiredFields(property!, value[name]!, path.Length == 0 ? name
                    : path + "." + name)) yield return inner;
        }
        else if (schema["type"]?.GetValue<string>() == "array")
            foreach (var inner in RequiredFields(schema["items"]!, value[0]!, path + "[0]")) yield return inner;
    }

    /// <summary>The node at a path such as "parties[0].representatives[0]" ("" is the body).</summary>
    private static JsonNode Locate(JsonNode body, string path)
    {
        var node = body;
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[');
            node = bracket < 0 ? node[part]! : node[part[..bracket]]![int.Parse(part[(bracket + 1)..^1])]!;
        }
        return node;
    }

    /// <summary>Mutating an entry of a list of strings: its parent is the list, its key the index.</summary>
    private static void Set(JsonNode parent, string key, JsonNode? value)
    {
        if (parent is JsonArray list) list[int.Parse(key)] = value;
        else parent[key] = value;
    }

    private static ApiProblem? Read(Type type, JsonNode body)
    {
        var parse = typeof(RequestBody).GetMethod(nameof(RequestBody.Parse))!.MakeGenericMethod(type);
        try
        {
            parse.Invoke(null, [Encoding.UTF8.GetBytes(body.ToJsonString())]);
            return null;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is ApiProblem problem)
        {
            return problem;
        }
    }

    [Theory]
    [MemberData(nameof(RequestTypes))]
    public void ABodyKeepingEveryPublishedConstraint_IsRead(string typeName)
    {
        var type = Type.GetType(typeName)!;
        var body = Valid(new JsonObject { ["$ref"] = "#/components/schemas/" + ApiSchemas.Name(type) });
        var problem = Read(type, body);
        Assert.True(problem is null, $"{body.ToJsonString()} was refused: {problem?.Detail} "
            + string.Join("; ", problem?.Errors?.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}") ?? []));
    }

    [Theory]
    [MemberData(nameof(RequestTypes))]
    public void ABodyBreakingAnyPublishedConstraint_IsRefused400_NamingTheField(string typeName)
    {
        var type = Type.GetType(typeName)!;
        var root = new JsonObject { ["$ref"] = "#/components/schemas/" + ApiSchemas.Name(type) };
        var failures = new List<string>();
        var count = 0;
        foreach (var (field, what, body) in Violations(root))
        {
            count++;
            var problem = Read(type, body);
            var named = field;
            if (problem is not { Status: 400, Errors: { } errors } || !errors.ContainsKey(named))
                failures.Add($"{field} {what}: {(problem is null ? "read" : $"{problem.Status} {string.Join(", ", problem.Errors?.Keys
                    ?? [])}")}");
        }
        Assert.True(count > 0);
        Assert.True(failures.Count == 0, $"{ApiSchemas.Name(type)}: {failures.Count} of {count} violations not refused by field:\n"
            + string.Join("\n", failures));
    }

    [Fact]
    public void EveryFieldForm_HasASampleThatFitsIt()
    {
        foreach (var form in Enum.GetValues<FieldForm>()) Assert.True(form.Fits(Samples[form]), form.ToString());
    }

    [Fact]
    public void AMisspeltField_IsRefusedByName_NotDropped()
    {
        var body = """{"caseType":"property","cause":"民间借贷纠纷","claims":"请求","parties":["""
            + """{"role":"plaintiff","kind":"person","name":"刘志强","electronicServiceConsnet":true}]}""";
        var problem = Assert.Throws<ApiProblem>(() => RequestBody.Parse<FilingRequest>(Encoding.UTF8.GetBytes(body)));
        Assert.Equal(400, problem.Status);
        Assert.Equal(["parties[0].electronicServiceConsnet"], problem.Errors!.Keys);
    }

    [Theory]
    [InlineData("[]", "not an array")]
    [InlineData("\"text\"", "not a string")]
    [InlineData("""{"caseType":3}""", null)]
    [InlineData("""{"parties":{}}""", null)]
    public void AWrongType_NamesTheFieldAndWhatWasExpected_NeverADotNetType(string body, string? detail)
    {
        var problem = Assert.Throws<ApiProblem>(() => RequestBody.Parse<FilingRequest>(Encoding.UTF8.GetBytes(body)));
        Assert.Equal(400, problem.Status);
        var text = problem.Detail + string.Join(" ", problem.Errors?.SelectMany(e => e.Value) ?? []);
        Assert.DoesNotContain("ECourt.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        if (detail is not null) Assert.Contains(detail, problem.Detail, StringComparison.Ordinal);
        else Assert.Contains(problem.Errors!, e => e.Value.Any(m => m.StartsWith("Expected ", StringComparison.Ordinal)));
    }

    [Fact]
    public void ABidirectionalControl_IsRefusedInAnyText()
    {
        var body = """{"caseType":"property","cause":"借款\u202Efdp.exe","claims":"请求","parties":[]}""";
        var problem = Assert.Throws<ApiProblem>(() => RequestBody.Parse<FilingRequest>(Encoding.UTF8.GetBytes(body)));
        Assert.Equal(["cause"], problem.Errors!.Keys);
    }
}
