using System.Text.Json;
using System.Text.Json.Nodes;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;

namespace ECourt.Testing;

/// <summary>
/// Writes the API document's examples file (<see cref="ApiExamples"/>) when ECOURT_RECORD_EXAMPLES names it, as
/// scripts/examples does: every request example from requests.http (<see cref="RequestsHttp"/>), and for each operation that
/// answers JSON on success an answer the integration tests received. An answer already in the file is kept while it still
/// fits its schema, so a refresh fills in what is missing or no longer fits and leaves the rest alone (delete an operation's
/// response to record it again). Of the answers a run receives, the one that shows most of its schema is kept (the most
/// distinct fields, an array's items counted once), the shorter on a tie: a list with one item rather than an empty one or
/// ten. The tests' parties are fictitious (<see cref="Filings"/>), and so the examples are.
/// </summary>
public static class ApiExampleRecorder
{
    public const string Variable = "ECOURT_RECORD_EXAMPLES";

    /// <summary>An answer larger than this (a test's largest case) says no more about the schema and would swamp the document.</summary>
    private const int MaxBytes = 16 * 1024;

    private const string About = "The API document's examples by operation id: request as requests.http sends it, response as an "
        + "integration test received it. Written by scripts/examples (README, Descriptions and examples), not by hand.";

    private static readonly string? Target = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path
        ? Path.GetFullPath(path, RequestsHttp.RepositoryRoot) : null;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = ApiJson.Options.Encoder };

    private static readonly Dictionary<string, ApiDocument.Operation> Answering = ApiDocument.Operations
        .Where(o => !o.Api.Hidden && o.Api.Response is not null).ToDictionary(o => o.OperationId, StringComparer.Ordinal);

    private static readonly Lock Gate = new();

    private static JsonObject? _operations;

    /// <summary>Operations whose answer in the file still fits: a run does not replace it.</summary>
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, (int Fields, int Bytes)> Recorded = new(StringComparer.Ordinal);

    public static bool Recording => Target is not null;

    /// <summary>
    /// Takes an answer a test received, if it is a JSON success answer that shows more than the one recorded so far. The first
    /// request of a run writes the request examples, whatever its answer.
    /// </summary>
    public static void Record(string operationId, int status, string contentType, byte[] body)
    {
        if (Target is null) return;
        var eligible = status is >= 200 and <= 299 && body.Length is > 0 and <= MaxBytes
            && contentType.Split(';')[0].Trim() == "application/json" && Answering.ContainsKey(operationId);
        var answer = eligible ? JsonNode.Parse(body)! : null;
        var score = (Fields: answer is null ? 0 : Fields(answer), Bytes: body.Length);
        lock (Gate)
        {
            var all = _operations ??= Load(Target);
            if (answer is null || Kept.Contains(operationId)) return;
            if (Recorded.TryGetValue(operationId, out var best)
                && (score.Fields < best.Fields || (score.Fields == best.Fields && score.Bytes >= best.Bytes))) return;
            Recorded[operationId] = score;
            if (all[operationId] is not JsonObject entry) all[operationId] = entry = [];
            entry["response"] = answer;
            Write(Target, all);
        }
    }

    /// <summary>The file as the run starts it: requests.http's bodies, and the answers of the file that still fit.</summary>
    private static JsonObject Load(string path)
    {
        var existing = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))?["operations"] as JsonObject : null;
        var requests = RequestsHttp.FirstByOperation();
        var all = new JsonObject();
        foreach (var op in ApiDocument.Operations.Where(o => !o.Api.Hidden))
        {
            var entry = new JsonObject();
            if (requests.TryGetValue(op.OperationId, out var request)) entry["request"] = request.Body.DeepClone();
            if (existing?[op.OperationId]?["response"] is { } response && Answering.ContainsKey(op.OperationId) && Fits(op, response))
            {
                entry["response"] = response.DeepClone();
                Kept.Add(op.OperationId);
            }
            if (entry.Count > 0) all[op.OperationId] = entry;
        }
        Write(path, all);
        return all;
    }

    private static bool Fits(ApiDocument.Operation op, JsonNode response) => ApiResponseCheck.Problems(op.OperationId, op.Method,
        op.Api.Status, "application/json", JsonSerializer.SerializeToUtf8Bytes(response)).Count == 0;

    private static int Fields(JsonNode answer)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonNode? node, string at)
        {
            if (node is null) return;
            paths.Add(at);
            if (node is JsonObject o) foreach (var (name, value) in o) Walk(value, at + "/" + name);
            else if (node is JsonArray a) foreach (var item in a) Walk(item, at + "/*");
        }
        Walk(answer, "");
        return paths.Count;
    }

    /// <summary>Operations in order of their ids, so that a refresh's diff shows only what changed.</summary>
    private static void Write(string path, JsonObject all)
    {
        var sorted = new JsonObject(all.OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => KeyValuePair.Create(o.Key, o.Value?.DeepClone())));
        var file = new JsonObject { ["about"] = About, ["operations"] = sorted };
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, file.ToJsonString(Indented) + "\n");
        File.Move(temporary, path, overwrite: true);
    }
}
