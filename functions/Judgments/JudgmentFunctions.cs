using ECourt.Application.Judgments;
using ECourt.Domain.Judgments;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Judgments;

/// <summary>The judgments stage's routes: issuing the judgment and appealing it.</summary>
public sealed class JudgmentFunctions(ApiEndpoint endpoint, IssueJudgment issue, FileAppeal appeal)
{
    [ApiOperation("judgments", "The case's judge issues the judgment, ruling or mediation statement; it is served on every party.",
        Request = typeof(IssueJudgmentRequest), Response = typeof(JudgmentView), Status = 201,
        Problems = [400, 401, 403, 404, 409, 415, 422], Idempotent = true,
        Description =
            "The case's judge issues what ends the first instance: a judgment once the case is heard (CPL art. 155), or at any stage a "
            + "ruling (with its ground: dismissal and jurisdiction-objection are appealable within 10 days, withdrawal and termination take "
            + "effect on service, CPL art. 157) or a mediation statement (effective once every party has signed for it, CPL art. 100). The "
            + "signed document is uploaded first with the kind judgment; its text is sent as drafted, else read from the PDF (a PDF that "
            + "cannot be read goes to the clerk before publication). Orders name debtor and creditor by party number, with an amount and "
            + "days to perform from the effective date; the costs allocate the acceptance fee due (halved once on mediation or "
            + "withdrawal, Measures arts. 15, 16, 29). It is served on every party; each party's appeal period (15 days for a judgment, "
            + "CPL art. 171) runs from its own service; small-claims cases are final (CPL art. 165). The case becomes JudgmentIssued.")]
    [Function("IssueJudgment")]
    public Task<IActionResult> Issue([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/judgments")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "IssueJudgment", caseId, async grant =>
        {
            var saved = await issue.RunAsync(grant, await RequestBody.ReadJsonAsync<IssueJudgmentRequest>(req),
                req.HttpContext.RequestAborted);
            return new ApiResult(JudgmentView.Of(saved.Case, saved.Case.Judgment!), StatusCodes.Status201Created);
        });

    [ApiOperation("judgments", "A party or its lawyer appeals within the party's own period; the case becomes Appealed.",
        Request = typeof(AppealRequest), Response = typeof(JudgmentView), Status = 201,
        Problems = [400, 401, 403, 404, 409, 415, 422], Idempotent = true,
        Description =
            "A party, or its lawyer, appeals the judgment for a party it acts for, with its grounds, within that party's own period: 15 "
            + "days from its service of a judgment, 10 of an appealable ruling (CPL art. 171), counted by CPL art. 85 on the court "
            + "calendar. A late appeal is refused (422 appeal-period-ended), as is an appeal of what cannot be appealed (a small-claims "
            + "judgment, CPL art. 165; a mediation statement; a ruling other than on dismissal or jurisdiction: 422 "
            + "judgment-not-appealable). The case becomes Appealed and the second instance follows; the other parties may still appeal "
            + "within their own periods.")]
    [Function("FileAppeal")]
    public Task<IActionResult> Appeal([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/appeals")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "FileAppeal", caseId, async grant =>
        {
            var saved = await appeal.RunAsync(grant, await RequestBody.ReadJsonAsync<AppealRequest>(req), req.HttpContext.RequestAborted);
            return new ApiResult(JudgmentView.Of(saved.Case, saved.Case.Judgment!), StatusCodes.Status201Created);
        });
}
