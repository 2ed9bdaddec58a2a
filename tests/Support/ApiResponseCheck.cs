using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ECourt.Adapters.BankMessages;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Json.Schema;

namespace ECourt.Testing;

/// <summary>
/// Every answer an integration test receives is checked against the API document: its status must be one the
/// operation documents, and a JSON body must fit the schema documented for that status. A client generated from the
/// document would otherwise break on the first answer it did not expect.
/// </summary>
public static class ApiResponseCheck
{
    /// <summary>The document with its component references pointing into the $defs each checked schema carries.</summary>
    private static readonly JsonObject Document = JsonNode.Parse(ApiDocument.Text.Replace("#/components/schemas/", "#/$defs/"))!.AsObject();

    /// <summary>
    /// The components, each response record closed: the document leaves responses open so that a new field never breaks a
    /// strict client, but the court's own answers must carry only what the document names.
    /// </summary>
    private static readonly string Definitions = Closed(Document["components"]!["schemas"]!.AsObject()).ToJsonString();

    private static JsonObject Closed(JsonObject schemas)
    {
        foreach (var (_, schema) in schemas)
        {
            if (schema is not JsonObject s) continue;
            if (s["properties"] is not null && s["additionalProperties"] is null) s["additionalProperties"] = false;
            // The document's own annotations (x-extensible) are not JSON Schema keywords.
            foreach (var annotation in s.Select(p => p.Key).Where(k => k.StartsWith("x-", StringComparison.Ordinal)).ToList())
                s.Remove(annotation);
        }
        return schemas;
    }

    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    private static readonly Dictionary<(string OperationId, string Method), JsonObject> Operations = Document["paths"]!.AsObject()
        .SelectMany(p => p.Value!.AsObject().Select(m => (Id: m.Value!["operationId"]!.GetValue<string>(), m.Key, Op: m.Value!.AsObject())))
        .ToDictionary(o => (o.Id, o.Key), o => o.Op);

    private static readonly HashSet<string> Hidden = ApiDocument.Operations.Where(o => o.Api.Hidden).Select(o => o.OperationId).ToHashSet();

    /// <summary>The problems with the answer, none when it fits the document.</summary>
    public static IReadOnlyList<string> Problems(string operationId, string method, int status, string contentType, byte[] body,
        IEnumerable<string>? headers = null)
    {
        // The document and its reference page are served but not operations of the document.
        if (Hidden.Contains(operationId)) return [];
        if (!Operations.TryGetValue((operationId, method.ToLowerInvariant()), out var operation))
            return [$"{method} {operationId} is not in the API document"];
        if (operation["responses"]![status.ToString()] is not JsonObject response)
            return [$"{operationId} answered {status}, which the API document does not list for it"];
        if (response["headers"] is JsonObject documented && headers is not null
            && documented.Select(h => h.Key).Except(headers, StringComparer.OrdinalIgnoreCase).ToList() is { Count: > 0 } missing)
            return [$"{operationId} {status} lacks the documented headers {string.Join(", ", missing)}"];
        var mediaType = contentType.Split(';')[0].Trim();
        if (response["content"] is not JsonObject content)
            return body.Length == 0 ? [] : [$"{operationId} {status} has a body the document does not describe"];
        if (content[mediaType] is not JsonObject media)
            return [$"{operationId} {status} answered {mediaType}, not one of {string.Join(", ", content.Select(c => c.Key))}"];
        if (!mediaType.EndsWith("json", StringComparison.Ordinal)) return [];
        if (mediaType == "application/problem+json" && UncataloguedProblem(body, status) is { } uncatalogued)
            return [$"{operationId} {status} {uncatalogued}"];
        var schema = Schemas.GetOrAdd(media["schema"]!.ToJsonString(),
            s => JsonSchema.FromText($$"""{"$defs":{{Definitions}},"allOf":[{{s}}]}"""));
        using var json = JsonDocument.Parse(body);
        return BankMessageSchemas.Violations(schema, json.RootElement).Select(v => $"{operationId} {status} {v}").ToList();
    }

    /// <summary>
    /// What is wrong with a JSON body the court accepted (2xx), measured against the operation's request schema: the
    /// document may not be stricter than the server, so a client generated from it can send what the tests send. A body
    /// refused for its shape is a test of the refusal, checked by the status it got.
    /// </summary>
    public static IReadOnlyList<string> RequestProblems(string operationId, string method, int status, string? contentType, byte[]? body)
    {
        if (body is not { Length: > 0 } || status is < 200 or > 299 || Hidden.Contains(operationId)) return [];
        if (contentType?.Split(';')[0].Trim() != "application/json") return [];
        if (!Operations.TryGetValue((operationId, method.ToLowerInvariant()), out var operation)) return [];
        if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is not JsonNode documented) return [];
        var schema = Schemas.GetOrAdd(documented.ToJsonString(),
            s => JsonSchema.FromText($$"""{"$defs":{{Definitions}},"allOf":[{{s}}]}"""));
        using var json = JsonDocument.Parse(body);
        return BankMessageSchemas.Violations(schema, json.RootElement).Select(v => $"{operationId} request {v}").ToList();
    }

    /// <summary>A problem whose type the catalogue lacks, or lists with other statuses.</summary>
    private static string? UncataloguedProblem(byte[] body, int status)
    {
        using var json = JsonDocument.Parse(body);
        var type = json.RootElement.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
        if (!type.StartsWith(ApiProblem.TypePrefix, StringComparison.Ordinal)) return $"problem type {type} is not the court's";
        return ProblemCatalogue.Find(type[ApiProblem.TypePrefix.Length..]) is { } entry
            ? entry.Statuses.Contains(status) ? null
                : $"problem type {type} is catalogued with {string.Join(", ", entry.Statuses)}, not {status}"
            : $"problem type {type} is not in the problem catalogue (functions/Http/ProblemCatalogue.cs)";
    }
}
