using ECourt.Application.Access;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;

namespace ECourt.Contract.Tests;

/// <summary>
/// Every POST that creates something or moves a case or money takes Idempotency-Key (<c>[ApiOperation(Idempotent = true)]</c>,
/// which both the API document and <see cref="ApiEndpoint"/> read); a POST that does not is listed here with the reason, so
/// a new route must decide.
/// </summary>
public class IdempotentOperationsTests
{
    private static readonly Dictionary<string, string> NotIdempotent = new()
    {
        ["CommunicationEvents"] = "Event Grid's webhook: no caller to scope a key to; a repeated delivery report changes nothing "
            + "by itself.",
        ["IssueLinkCode"] = "Its answer is a secret kept nowhere in readable form, so it cannot be kept for a repeat; a repeat issues "
            + "the next code and voids the one before, which is what a clerk who lost the answer needs.",
        ["RerunReconciliation"] = "Recomputes a bank day against the books as they are now and moves no case or money; a repeat is "
            + "meant to see the books as they are then, not the first run's answer.",
        ["PreviewRedaction"] = "Computes an answer from its body alone and stores nothing: a repeat gives the same answer; a POST "
            + "only because a judgment's text is too long for a query.",
        ["RestartLifecycle"] = "Starts or wakes a case's lifecycle: a repeat wakes the one now running and changes nothing, and its "
            + "answer says what it found then.",
    };

    private static IReadOnlyList<ApiDocument.Operation> Posts => ApiDocument.Operations.Where(o => o.Method == "post").ToList();

    [Fact]
    public void EveryPost_TakesIdempotencyKey_OrIsListedWithItsReason()
    {
        Assert.NotEmpty(Posts);
        var undecided = Posts.Where(o => !o.Api.Idempotent && !NotIdempotent.ContainsKey(o.OperationId)).Select(o => o.OperationId);
        Assert.Empty(undecided);
        var listedButFlagged = Posts.Where(o => o.Api.Idempotent && NotIdempotent.ContainsKey(o.OperationId)).Select(o => o.OperationId);
        Assert.Empty(listedButFlagged);
        Assert.Empty(NotIdempotent.Keys.Except(Posts.Select(o => o.OperationId)));
    }

    [Fact]
    public void IdempotentOperations_HaveACallerToScopeTheKeyTo_AndDocumentItsRefusals()
    {
        foreach (var op in ApiDocument.Operations.Where(o => o.Api.Idempotent))
        {
            Assert.True(op.Method == "post", $"{op.OperationId} takes Idempotency-Key but is a {op.Method}");
            Assert.Contains(AccessTable.For(op.OperationId).Scope, new[] { RouteScope.SignedIn, RouteScope.Case, RouteScope.CaseOf });
            // A malformed key is 400, a repeat while the first runs 409 (and another body under the key 422, which every write lists).
            Assert.True(op.Api.Problems.Contains(400) && op.Api.Problems.Contains(409),
                $"{op.OperationId} takes Idempotency-Key: list 400 and 409 among its problems");
        }
    }
}
