using ECourt.Application.Filing;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Filing;
using ECourt.Domain.Money;
using ECourt.Domain.Parties;
using ECourt.Functions.Cases;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Filing;

/// <summary>The filing division: the review queue of the clerk's court and the clerk's decision on a filing.</summary>
public sealed class ReviewFunctions(ApiEndpoint endpoint, ReadReviewQueue queue, ReviewFiling review, CaseViews views)
{
    public sealed record QueueItem(string CaseId, string Court, string Cause, FeeCaseType CaseType, string? ClaimAmount,
        DateTimeOffset SubmittedAt,
        string DecisionDue, bool Provisional, IReadOnlyList<string> Plaintiffs, IReadOnlyList<string> Defendants);

    [ApiOperation("review", "Filings waiting for review in the clerk's court, oldest first.", Response = typeof(ListAnswer<QueueItem>),
        Problems = [400, 401, 403], Paged = true, Headers = ["ETag"],
        Description = "A clerk (role clerk) lists the filings waiting for review in its own court, oldest first, each with the day its "
            + "decision is due. Decide each with POST /api/cases/{caseId}/review by then: a filing still undecided at the end of its "
            + "review period is registered by the system (SPC Provisions on Case Filing Registration, 2015).")]
    [Function("ReviewQueue")]
    public Task<IActionResult> Queue([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review-queue")] HttpRequest req) =>
        endpoint.SignedIn(req, "ReviewQueue", async caller =>
        {
            var (pageSize, token) = Paging.Read(req);
            var page = await queue.RunAsync(caller, pageSize, token, req.HttpContext.RequestAborted);
            return new ApiResult(new ListAnswer<QueueItem>(page.Items.Select(Item).ToList(), page.ContinuationToken));
        });

    private static QueueItem Item(CourtCase c)
    {
        var review = c.Review!;
        return new QueueItem(c.CaseId, c.Court, c.Cause, c.CaseType, c.ClaimAmount is { } a ? Yuan.Format(a) : null,
            ChinaTime.ToChinaTime(review.PeriodStartedAt),
            review.Deadline.LastDay.ToString("yyyy-MM-dd"), review.Deadline.Provisional,
            c.Parties.Where(p => p.Role == PartyRole.Plaintiff).Select(p => p.Name).ToList(), c.Parties.Where(p =>
                p.Role == PartyRole.Defendant).Select(p => p.Name).ToList());
    }

    [ApiOperation("review", "The clerk's decision: accept (register), reject, or correct.",
        Request = typeof(Application.Filing.ReviewRequest),
        Response = typeof(CaseView), Problems = [400, 401, 403, 404, 409, 412, 415, 422], Idempotent = true, IfMatch = true,
        Headers = ["ETag"],
        Description = "A clerk of the case's court decides a submitted filing (CPL art. 126). accept registers it: case number, the "
            + "case's own account and the fee notice, served on the plaintiffs, and the complaint copy served on the defendants. reject "
            + "refuses it by a ruling with reasons; correct sends one notice listing every defect and the days to cure them (SPC "
            + "Provisions on Case Filing Registration, 2015). A filing still undecided when its 7-day review period ends is registered "
            + "by the system.")]
    [Function("ReviewFiling")]
    public Task<IActionResult> Review([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/review")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "ReviewFiling", caseId, async grant => CaseFunctions.Answer(views, grant, await review.RunAsync(grant,
            await RequestBody.ReadJsonAsync<ReviewRequest>(req), RequestHeaders.IfMatch(req), req.HttpContext.RequestAborted)));
}
