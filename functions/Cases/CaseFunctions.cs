using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Cases;

/// <summary>Reading cases: one case with its file, and the caller's own cases.</summary>
public sealed class CaseFunctions(ApiEndpoint endpoint, ListMyCases mine, CaseViews views)
{
    public sealed record CaseSummary(string CaseId, string Court, string? CaseNumber, CaseStatus Status, string Cause,
        FeeCaseType CaseType, DateTimeOffset CreatedAt);

    [ApiOperation("cases", "A case with its parties, fee notice, deadlines, documents and events.", Response = typeof(CaseView),
        Problems = [401, 404],
        Headers = ["ETag"],
        Description = "The case as the caller may see it, for its parties and their representatives (the other side only once it is "
            + "registered) and the case staff of its court; anyone else gets 404. The other side sees no contact data or identity "
            + "numbers of the filing side, no review, fee notice or fee aid, and only the documents served on it. Use `status` to tell "
            + "what may be done next and `deadlines` for what is running; send the ETag back as If-Match with a change, or as "
            + "If-None-Match to poll cheaply.")]
    [Function("GetCase")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}")] HttpRequest req,
        string caseId) =>
        endpoint.OnCase(req, "GetCase", caseId, grant =>
        {
            var file = grant.RequireFile();
            return Task.FromResult<IActionResult>(new ApiResult(views.From(grant, file.Case, file)).OfCase(file.Case.Version));
        });

    [ApiOperation("cases", "The caller's cases.", Response = typeof(ListAnswer<CaseSummary>), Problems = [400, 401], Paged = true,
        Headers = ["ETag"],
        Description = "Any signed-in caller lists the cases its own account takes part in: those it filed, and those of the parties it "
            + "is linked to or acts for. Court staff find theirs through their queues (the review queue, suspense) instead. A page at a "
            + "time, in no particular order: follow `continuationToken` until it is absent, and read a case with GET "
            + "/api/cases/{caseId}.")]
    [Function("ListCases")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases")] HttpRequest req) =>
        endpoint.SignedIn(req, "ListCases", async caller =>
        {
            var (pageSize, token) = Paging.Read(req);
            var page = await mine.RunAsync(caller, pageSize, token, req.HttpContext.RequestAborted);
            return new ApiResult(new ListAnswer<CaseSummary>(page.Items.Select(s => new CaseSummary(s.Case.CaseId, s.Case.Court,
                s.Case.CaseNumber, s.Case.Status,
                s.Case.Cause, s.Case.CaseType, ChinaTime.ToChinaTime(s.Case.CreatedAt))).ToList(), page.ContinuationToken));
        });

    /// <summary>
    /// The answer of a command on a case: the case after it, as the caller may see it, tagged with its new version (the caller's
    /// next If-Match).
    /// </summary>
    public static ApiResult Answer(CaseViews views, CaseGrant grant, StoredCase saved, int status = 200) =>
        new ApiResult(views.From(grant, saved.Case), status).OfCase(saved.Case.Version);

    /// <summary>The answer of a command that made the case (a filing): as its caller sees it.</summary>
    public static ApiResult Answer(CaseViews views, CourtUser caller, StoredCase saved, int status = 200) =>
        Answer(views, new CaseGrant(caller, saved, null, CaseRelations.Of(caller, saved.Case)), saved, status);
}
