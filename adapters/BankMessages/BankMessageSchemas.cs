using System.Text.Json;
using Json.Schema;

namespace ECourt.Adapters.BankMessages;

/// <summary>The JSON Schemas of bank messages (schemas/*.schema.json in the repository), and validation against them.</summary>
public static class BankMessageSchemas
{
    public static JsonSchema Credit { get; } = Load("bank-credit.schema.json");
    public static JsonSchema Statement { get; } = Load("bank-statement.schema.json");

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
        var violations = Violations(schema, document.RootElement);
        if (violations.Count == 0) return (document, null, null);
        document.Dispose();
        return (null, "schema-violation", $"{schemaFile}: " + string.Join("; ", violations));
    }

    /// <summary>The schema violations, as "location: message", or an empty list when the document is valid.</summary>
    public static IReadOnlyList<string> Violations(JsonSchema schema, JsonElement document)
    {
        var results = schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        return (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{(d.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")}: {e.Value}"))
            .Distinct().ToList();
    }
}
