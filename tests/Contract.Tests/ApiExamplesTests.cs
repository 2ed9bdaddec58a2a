using System.Text.Json.Nodes;
using ECourt.Functions.OpenApi;
using ECourt.Testing;

namespace ECourt.Contract.Tests;

/// <summary>
/// What a client developer reads beside each operation's schemas: a description of its own, and examples that are real. A
/// request example is the body requests.http sends to the operation; a response example is an answer an integration test
/// received; each fits its schema as every answer of the integration tests must (<see cref="ApiResponseCheck"/>: responses
/// against the closed schemas, requests against the request schemas).
/// </summary>
public class ApiExamplesTests
{
    private const string Refresh = "Refresh the examples with scripts/examples (README, \"Descriptions and examples\"): it writes "
        + ApiExamples.FilePath + " from requests.http and from the answers the integration tests receive. "
        + "scripts/examples --filter ApiReferenceTests refreshes the request examples alone, in seconds.";

    private sealed record Op(string Id, string Method, string Path, JsonObject Node)
    {
        public JsonObject? JsonRequest => Node["requestBody"]?["content"]?["application/json"] as JsonObject;

        public (int Status, JsonObject Media)? JsonSuccess => Node["responses"]!.AsObject()
            .Where(r => r.Key.StartsWith('2') && r.Value?["content"]?["application/json"] is JsonObject)
            .Select(r => ((int, JsonObject)?)(int.Parse(r.Key), r.Value!["content"]!["application/json"]!.AsObject())).FirstOrDefault();

        public override string ToString() => $"{Id} ({Method.ToUpperInvariant()} {Path})";
    }

    private static readonly List<Op> Operations = JsonNode.Parse(ApiDocument.Text)!["paths"]!.AsObject()
        .SelectMany(p => p.Value!.AsObject().Select(m =>
            new Op(m.Value!["operationId"]!.GetValue<string>(), m.Key, p.Key, m.Value!.AsObject())))
        .ToList();

    private static byte[] Bytes(JsonNode node) => System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());

    [Fact]
    public void EveryOperation_HasADescriptionOfItsOwn()
    {
        Assert.True(Operations.Count >= 40, $"only {Operations.Count} operations in the document");
        var wanting = Operations.Where(o => o.Node["description"]?.GetValue<string>().Trim() is not { Length: > 0 } description
            || description == o.Node["summary"]!.GetValue<string>().Trim()).ToList();
        Assert.True(wanting.Count == 0, "Operations whose description is missing or only repeats the summary: say who may call it, what "
            + "it does and what a client does with the answer ([ApiOperation(Description = …)]):\n" + string.Join("\n", wanting));
    }

    [Fact]
    public void EveryJsonRequestBody_HasItsRequestsHttpBodyAsExample()
    {
        var requests = RequestsHttp.FirstByOperation();
        var problems = new List<string>();
        foreach (var op in Operations.Where(o => o.JsonRequest is not null))
            if (!requests.TryGetValue(op.Id, out var request))
                problems.Add($"{op} has no request in requests.http: add one (with fictitious parties), then refresh.");
            else if (!JsonNode.DeepEquals(op.JsonRequest!["example"], request.Body))
                problems.Add($"{op}: the request example is not the body of requests.http's \"{request.Title}\".");
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + Refresh);
    }

    [Fact]
    public void EveryJsonSuccessAnswer_HasAnExample()
    {
        var wanting = Operations.Where(o => o.JsonSuccess is { Media: var media } && media["example"] is null).ToList();
        Assert.True(wanting.Count == 0, "Operations without an example answer: an integration test must receive a success answer of each "
            + "(write one if none does), then refresh.\n" + string.Join("\n", wanting) + "\n" + Refresh);
    }

    [Fact]
    public void EveryExample_FitsItsSchema()
    {
        var problems = new List<string>();
        foreach (var op in Operations)
        {
            if (op.JsonRequest?["example"] is { } request)
                problems.AddRange(ApiResponseCheck.RequestProblems(op.Id, op.Method, 200, "application/json", Bytes(request)));
            if (op.JsonSuccess is var (status, media) && media["example"] is { } answer)
                problems.AddRange(ApiResponseCheck.Problems(op.Id, op.Method, status, "application/json", Bytes(answer)));
        }
        Assert.True(problems.Count == 0, "Examples that do not fit their schema (a request example: fix requests.http; an answer: "
            + "delete it from " + ApiExamples.FilePath + " and refresh):\n" + string.Join("\n", problems));
    }

    [Fact]
    public void ExamplesFile_HoldsOnlyExamplesTheDocumentHasPlaceFor()
    {
        var byId = Operations.ToDictionary(o => o.Id);
        var stale = ApiExamples.OperationIds.Where(id => !byId.TryGetValue(id, out var op)
            || (ApiExamples.Request(id) is not null && op.JsonRequest is null)
            || (ApiExamples.Response(id) is not null && op.JsonSuccess is null)).ToList();
        Assert.True(stale.Count == 0, $"{ApiExamples.FilePath} has examples no operation takes: {string.Join(", ", stale)}.\n" + Refresh);
    }

    [Fact]
    public void SchemaCheck_RefusesExamplesThatDoNotFit()
    {
        var filing = ApiExamples.Request("CreateFiling")!.AsObject();
        filing["electronicServiceConsnet"] = true;
        Assert.NotEmpty(ApiResponseCheck.RequestProblems("CreateFiling", "post", 200, "application/json", Bytes(filing)));
        var view = ApiExamples.Response("GetCase")!.AsObject();
        view["caseIdentifier"] = "cs0";
        Assert.NotEmpty(ApiResponseCheck.Problems("GetCase", "get", 200, "application/json", Bytes(view)));
        view.Remove("caseIdentifier");
        view.Remove("status");
        Assert.NotEmpty(ApiResponseCheck.Problems("GetCase", "get", 200, "application/json", Bytes(view)));
    }

    [Fact]
    public void RequestsHttp_PutsInItsOwnVariables_AndRefusesOneItDoesNotDefine()
    {
        var read = RequestsHttp.Read("""
            @caseId = cs0123456789abcdef01234567

            ### Claim
            POST {{base}}/suspense/ICBC:1/claim
            Content-Type: application/json

            { "caseId": "{{caseId}}" }
            """);
        Assert.Equal("ClaimSuspense", Assert.Single(read).OperationId);
        Assert.Equal("cs0123456789abcdef01234567", read[0].Body["caseId"]!.GetValue<string>());
        Assert.Throws<InvalidOperationException>(() => RequestsHttp.Read("""
            ### Claim
            POST {{base}}/suspense/ICBC:1/claim
            Content-Type: application/json

            { "caseId": "{{caseId}}" }
            """));
    }
}
