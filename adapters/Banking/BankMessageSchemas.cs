using System.Text.Json;
using Json.Schema;

namespace ECourt.Adapters.Banking;

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
