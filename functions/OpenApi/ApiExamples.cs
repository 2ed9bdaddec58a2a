using System.Text.Json.Nodes;

namespace ECourt.Functions.OpenApi;

/// <summary>
/// The examples of the API document, by operation id: a request body as requests.http sends it and an answer as the
/// integration tests received it. They are kept in <c>examples.json</c> beside the generator, embedded in the assembly, so
/// the document never reads a developer's file at run time. The file is written by the test host, not by hand
/// (<c>scripts/examples</c>; README, "Descriptions and examples"); contract tests check that each request example is
/// requests.http's body and that every example fits its schema.
/// </summary>
public static class ApiExamples
{
    /// <summary>The file in the repository, and the embedded resource's name.</summary>
    public const string FilePath = "functions/OpenApi/examples.json";

    public const string Resource = "ECourt.Functions.OpenApi.examples.json";

    private static readonly Lazy<JsonObject> Operations = new(Load);

    private static JsonObject Load()
    {
        using var stream = typeof(ApiExamples).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The API document's examples ({FilePath}) are not embedded in the assembly.");
        return JsonNode.Parse(stream)?["operations"] as JsonObject
            ?? throw new InvalidOperationException($"{FilePath} has no operations.");
    }

    /// <summary>The operations the file has examples for.</summary>
    public static IEnumerable<string> OperationIds => Operations.Value.Select(o => o.Key);

    /// <summary>A copy of the operation's request example, or null.</summary>
    public static JsonNode? Request(string operationId) => Operations.Value[operationId]?["request"]?.DeepClone();

    /// <summary>A copy of the operation's example answer on success, or null.</summary>
    public static JsonNode? Response(string operationId) => Operations.Value[operationId]?["response"]?.DeepClone();
}
