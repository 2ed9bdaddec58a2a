using System.Text.Json;
using Json.Schema;

namespace ECourt.Adapters.BankMessages;

/// <summary>The JSON Schemas of bank messages (schemas/*.schema.json in the repository), and validation against them.</summary>
public static class BankMessageSchemas
{
    public static JsonSchema Credit { get; } = Load("bank-credit.schema.json");
    public static JsonSchema Statement { get; } = Load("bank-statement.schema.json");


    /// <summary>The requests the court sends on topic bank-requests, by messageType (schemas/bank-{messageType}.schema.json).</summary>
    public static IReadOnlyList<string> RequestTypes { get; } = ["asset-inquiry", "freeze", "deduct", "payout"];

    /// <summary>The replies banks send on queue bank-replies, by messageType.</summary>
    public static IReadOnlyList<string> ReplyTypes { get; } = ["asset-inquiry-result", "freeze-result", "deduct-result", "payout-result"];

    private static readonly Dictionary<string, JsonSchema> ByMessageType =
        RequestTypes.Concat(ReplyTypes).ToDictionary(t => t, t => Load(FileOf(t)), StringComparer.Ordinal);

    /// <summary>The schema of a request or reply message type; throws for a type the court does not publish.</summary>
    public static JsonSchema Of(string messageType) => ByMessageType[messageType];

    public static string FileOf(string messageType) => $"bank-{messageType}.schema.json";

    private static JsonSchema Load(string name)
    {
        using var stream = typeof(BankMessageSchemas).Assembly.GetManifestResourceStream("schemas/" + name)
            ?? throw new InvalidOperationException($"Schema {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    }

    /// <summary>
    /// Parses a message body and checks it against its schema: the document when both pass (the caller
    /// disposes it), else the rule it broke (unparseable, schema-violation) and why.
    /// </summary>
    public static (JsonDocument? Document, string? Rule, string? Reason) Parse(BinaryData body, JsonSchema schema, string schemaFile)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToMemory());
        }
        catch (JsonException ex)
        {
            return (null, "unparseable", "The message body is not JSON: " + ex.Message);
        }
        var (rule, reason) = Check(document, schema, schemaFile);
        if (rule is null) return (document, null, null);
        document.Dispose();
        return (null, rule, reason);
    }

    /// <summary>Checks a parsed message against its schema: no rule when it passes, else schema-violation and the violations.</summary>
    public static (string? Rule, string? Reason) Check(JsonDocument document, JsonSchema schema, string schemaFile)
    {
        var violations = Violations(schema, document.RootElement);
        return violations.Count == 0 ? (null, null) : ("schema-violation", $"{schemaFile}: " + string.Join("; ", violations));
    }

    /// <summary>The schema violations, as "location: message", or an empty list when the document is valid.</summary>
    public static IReadOnlyList<string> Violations(JsonSchema schema, JsonElement document)
    {
        var results = schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        // A condition's own failure (an "if" that does not hold) is how the schema chooses, not a violation.
        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 } && !d.EvaluationPath.ToString().Contains("/if", StringComparison.Ordinal))
            .SelectMany(d => d.Errors!.Select(e => $"{(d.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")}: {e.Value}"))
            .Distinct().ToList();
    }
}
