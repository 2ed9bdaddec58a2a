using ECourt.Application.Fees;
using ECourt.Functions.Cases;
using ECourt.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Fees;

/// <summary>The fee stage's routes: fee aid and its decision, the judge's ruling that an unpaid case is withdrawn, conversion to ordinary procedure.</summary>
public sealed class FeeFunctions(ApiEndpoint endpoint, ApplyForFeeAid apply, DecideFeeAid decide, RuleWithdrawn withdraw, ConvertProcedure convert, CaseViews views)
{
    [Function("ApplyForFeeAid")]
    public Task<IActionResult> FeeAid([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/fee-aid")] HttpRequest req, string caseId) =>
        endpoint.SignedIn(req, async caller => CaseFunctions.Answer(views, await apply.RunAsync(caseId, caller,
            await RequestBody.ReadJsonAsync<FeeAidRequest>(req), RequestHeaders.IfMatch(req), req.HttpContext.RequestAborted)));

    [Function("DecideFeeAid")]
    public Task<IActionResult> DecideFeeAid([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/fee-aid/decision")] HttpRequest req, string caseId) =>
        endpoint.SignedIn(req, async caller => CaseFunctions.Answer(views, await decide.RunAsync(caseId, caller,
            await RequestBody.ReadJsonAsync<FeeAidDecisionRequest>(req), RequestHeaders.IfMatch(req), req.HttpContext.RequestAborted)));

    [Function("WithdrawalRuling")]
    public Task<IActionResult> RuleWithdrawn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/withdrawal-ruling")] HttpRequest req, string caseId) =>
        endpoint.SignedIn(req, async caller =>
        {
            // The reasons are optional: the ruling may come with no body at all.
            var body = req.ContentLength is > 0 || req.ContentType is not null ? await RequestBody.ReadJsonAsync<WithdrawalRulingRequest>(req) : null;
            return CaseFunctions.Answer(views, await withdraw.RunAsync(caseId, caller, body, RequestHeaders.IfMatch(req), req.HttpContext.RequestAborted));
        });

    [Function("ConvertProcedure")]
    public Task<IActionResult> ConvertProcedure([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/procedure")] HttpRequest req, string caseId) =>
        endpoint.SignedIn(req, async caller => CaseFunctions.Answer(views, await convert.RunAsync(caseId, caller,
            await RequestBody.ReadJsonAsync<ConvertProcedure.Request>(req), RequestHeaders.IfMatch(req), req.HttpContext.RequestAborted)));
}
