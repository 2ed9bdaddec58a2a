using ECourt.Application.Fees;
using ECourt.Functions.Cases;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Fees;

/// <summary>The fee stage's routes: fee aid and its decision, the judge's ruling that an unpaid case is withdrawn, conversion to ordinary procedure.</summary>
public sealed class FeeFunctions(ApiEndpoint endpoint, ApplyForFeeAid apply, DecideFeeAid decide, RuleWithdrawn withdraw, ConvertProcedure convert, CaseViews views)
{
    [ApiOperation("fees", "Apply to defer, reduce or waive the fee.", Request = typeof(Application.Fees.FeeAidRequest),
        Response = typeof(CaseView), Problems = [400, 401, 403, 404, 409, 412, 415, 422], IfMatch = true, Headers = ["ETag"])]
    [Function("ApplyForFeeAid")]
    public Task<IActionResult> FeeAid([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/fee-aid")] HttpRequest req, string caseId) =>
        endpoint.SignedIn(req, async caller => CaseFunctions.Answer(views, await apply.RunAsync(caseId, caller,
            await RequestBody.ReadJsonAsync<FeeAidRequest>(req), RequestHeaders.IfMatch(req), req.HttpContext.RequestAborted)));

    [ApiOperation("fees", "A judge decides a fee aid application.", Request = typeof(Application.Fees.FeeAidDecisionRequest),
        Response = typeof(CaseView), Problems = [400, 401, 403, 404, 409, 412, 415, 422], IfMatch = true, Headers = ["ETag"])]
    [Function("DecideFeeAid")]
    public Task<IActionResult> DecideFeeAid([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/fee-aid/decision")] HttpRequest req, string caseId) =>
        endpoint.SignedIn(req, async caller => CaseFunctions.Answer(views, await decide.RunAsync(caseId, caller,
            await RequestBody.ReadJsonAsync<FeeAidDecisionRequest>(req), RequestHeaders.IfMatch(req), req.HttpContext.RequestAborted)));

    [ApiOperation("fees", "Rule an unpaid case withdrawn (FeeOverdue → DeemedWithdrawn).",
        Request = typeof(Application.Fees.WithdrawalRulingRequest),
        Response = typeof(CaseView), Problems = [400, 401, 403, 404, 409, 412], IfMatch = true, Headers = ["ETag"])]
    [Function("WithdrawalRuling")]
    public Task<IActionResult> RuleWithdrawn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/withdrawal-ruling")] HttpRequest req, string caseId) =>
        endpoint.SignedIn(req, async caller =>
        {
            // The reasons are optional: the ruling may come with no body at all.
            var body = req.ContentLength is > 0 || req.ContentType is not null ? await RequestBody.ReadJsonAsync<WithdrawalRulingRequest>(req) : null;
            return CaseFunctions.Answer(views, await withdraw.RunAsync(caseId, caller, body, RequestHeaders.IfMatch(req), req.HttpContext.RequestAborted));
        });

    [ApiOperation("cases", "A judge converts a simplified or small-claims case to ordinary procedure, with reasons; the full fee is due.",
        Request = typeof(Application.Fees.ConvertProcedure.Request), Response = typeof(CaseView),
        Problems = [400, 401, 403, 404, 409, 412, 415, 422], IfMatch = true, Headers = ["ETag"])]
    [Function("ConvertProcedure")]
    public Task<IActionResult> ConvertProcedure([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/procedure")] HttpRequest req, string caseId) =>
        endpoint.SignedIn(req, async caller => CaseFunctions.Answer(views, await convert.RunAsync(caseId, caller,
            await RequestBody.ReadJsonAsync<ConvertProcedure.Request>(req), RequestHeaders.IfMatch(req), req.HttpContext.RequestAborted)));
}
