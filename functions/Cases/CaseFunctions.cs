using ECourt.Application.Cases;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Cases;

/// <summary>Reading cases: one case with its file, and the caller's own cases.</summary>
public sealed class CaseFunctions(ApiEndpoint endpoint, ReadCase read, ListMyCases mine, CaseViews views)
{
    public sealed record CaseSummary(string CaseId, string Court, string? CaseNumber, CaseStatus Status, string Cause, FeeCaseType CaseType, DateTimeOffset CreatedAt);

    [ApiOperation("cases", "A case with its parties, fee notice, deadlines, documents and events.", Response = typeof(CaseView),
        Problems = [401, 404],
        Headers = ["ETag"])]
    [Function("GetCase")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}")] HttpRequest req, string caseId) =>
        endpoint.SignedIn(req, async caller =>
        {
            var file = await read.RunAsync(caseId, caller, req.HttpContext.RequestAborted);
            return new ApiResult(views.From(file.Case, file)).WithHeader("ETag", file.ETag);
        });

    [ApiOperation("cases", "The caller's cases.", Response = typeof(ListAnswer<CaseSummary>), Problems = [400, 401], Paged = true)]
    [Function("ListCases")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases")] HttpRequest req) =>
        endpoint.SignedIn(req, async caller =>
        {
            var (pageSize, token) = Paging.Read(req);
            var page = await mine.RunAsync(caller, pageSize, token, req.HttpContext.RequestAborted);
            return new ApiResult(new ListAnswer<CaseSummary>(page.Items.Select(s => new CaseSummary(s.Case.CaseId, s.Case.Court, s.Case.CaseNumber, s.Case.Status,
                s.Case.Cause, s.Case.CaseType, ChinaTime.ToChinaTime(s.Case.CreatedAt))).ToList(), page.ContinuationToken));
        });

    /// <summary>The answer of a command on a case: the case after it, and its new ETag.</summary>
    public static ApiResult Answer(CaseViews views, StoredCase saved, int status = 200) => new ApiResult(views.From(saved.Case), status).WithHeader("ETag", saved.ETag);
}
