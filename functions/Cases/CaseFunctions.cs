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
        Headers = ["ETag"])]
    [Function("GetCase")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}")] HttpRequest req,
        string caseId) =>
        endpoint.OnCase(req, "GetCase", caseId, grant =>
        {
            var file = grant.RequireFile();
            return Task.FromResult<IActionResult>(new ApiResult(views.From(grant, file.Case, file)).OfCase(file.Case.Version));
        });

    [ApiOperation("cases", "The caller's cases.", Response = typeof(ListAnswer<CaseSummary>), Problems = [400, 401], Paged = true,
        Headers = ["ETag"])]
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
