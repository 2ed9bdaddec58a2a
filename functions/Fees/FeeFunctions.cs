using ECourt.Application.Fees;
using ECourt.Functions.Cases;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Fees;

/// <summary>The fee stage's routes: fee aid and its decision, the judge's ruling that an unpaid case is withdrawn, conversion to ordinary
/// procedure.</summary>
public sealed class FeeFunctions(ApiEndpoint endpoint, ApplyForFeeAid apply, DecideFeeAid decide, RuleWithdrawn withdraw,
    ConvertProcedure convert, CaseViews views)
{
    [ApiOperation("fees", "Apply to defer, reduce or waive the fee.", Request = typeof(Application.Fees.FeeAidRequest),
        Response = typeof(CaseView), Problems = [400, 401, 403, 404, 409, 412, 415, 422], Idempotent = true, IfMatch = true,
        Headers = ["ETag"],
        Description = "The filer, a plaintiff or a plaintiff's representative applies, with reasons, to defer, reduce or waive the fee "
            + "of a registered case waiting for it (AwaitingFee; Measures on Payment of Litigation Costs arts. 44–48). The case becomes "
            + "FeeAidPending and the fee period does not run until a judge decides; one application at a time (422 "
            + "fee-aid-already-applied). Upload supporting papers as documents of kind fee-aid-application.")]
    [Function("ApplyForFeeAid")]
    public Task<IActionResult> FeeAid([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/fee-aid")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "ApplyForFeeAid", caseId, async grant => CaseFunctions.Answer(views, grant, await apply.RunAsync(grant,
            await RequestBody.ReadJsonAsync<FeeAidRequest>(req), RequestHeaders.IfMatch(req), req.HttpContext.RequestAborted)));

    [ApiOperation("fees", "A judge decides a fee aid application.", Request = typeof(Application.Fees.FeeAidDecisionRequest),
        Response = typeof(CaseView), Problems = [400, 401, 403, 404, 409, 412, 415, 422], Idempotent = true, IfMatch = true,
        Headers = ["ETag"],
        Description = "A judge of the case's court decides the pending fee-aid application (FeeAidPending; Measures on Payment of "
            + "Litigation Costs arts. 44–48): grant a deferral to `deferredUntil`, a reduction to `reducedAmount` or a waiver, or refuse "
            + "with reasons. A waiver settles the fee and the case is Accepted; otherwise it is AwaitingFee again, the decision is "
            + "served on the applicant, and the period for what remains runs from the day after it is served.")]
    [Function("DecideFeeAid")]
    public Task<IActionResult> DecideFeeAid([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/fee-aid/decision")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "DecideFeeAid", caseId, async grant => CaseFunctions.Answer(views, grant, await decide.RunAsync(grant,
            await RequestBody.ReadJsonAsync<FeeAidDecisionRequest>(req), RequestHeaders.IfMatch(req), req.HttpContext.RequestAborted)));

    [ApiOperation("fees", "Rule an unpaid case withdrawn (FeeOverdue → DeemedWithdrawn).",
        Request = typeof(Application.Fees.WithdrawalRulingRequest), BodyOptional = true,
        Response = typeof(CaseView), Problems = [400, 401, 403, 404, 409, 412], Idempotent = true, IfMatch = true, Headers = ["ETag"],
        Description = "A judge of the case's court rules a case whose fee was not paid in time (FeeOverdue) withdrawn (SPC CPL "
            + "Interpretation art. 213): the case becomes DeemedWithdrawn, a final status, and its lifecycle ends. The body with the "
            + "ruling's reasons may be left out. A case whose fee was settled meanwhile is no longer FeeOverdue (409).")]
    [Function("WithdrawalRuling")]
    public Task<IActionResult> RuleWithdrawn([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/withdrawal-ruling")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "WithdrawalRuling", caseId, async grant =>
        {
            // The reasons are optional: the ruling may come with no body at all.
            var body = req.ContentLength is > 0 || req.ContentType is not null
                ? await RequestBody.ReadJsonAsync<WithdrawalRulingRequest>(req) : null;
            return CaseFunctions.Answer(views, grant, await withdraw.RunAsync(grant, body, RequestHeaders.IfMatch(req),
                req.HttpContext.RequestAborted));
        });

    [ApiOperation("cases", "A judge converts a simplified or small-claims case to ordinary procedure, with reasons; the full fee is due.",
        Request = typeof(Application.Fees.ConvertProcedure.Request), Response = typeof(CaseView),
        Problems = [400, 401, 403, 404, 409, 412, 415, 422], Idempotent = true, IfMatch = true, Headers = ["ETag"],
        Description = "A judge of the case's court converts a simplified or small-claims case to ordinary procedure, with reasons (CPL "
            + "arts. 169–170; SPC CPL Interpretation art. 140 where service needs public notice). The halved acceptance fee becomes the "
            + "full fee and the difference is due (Measures on Payment of Litigation Costs art. 16): read the new amount in the case's "
            + "fee notice. A granted reduction or waiver stays granted.")]
    [Function("ConvertProcedure")]
    public Task<IActionResult> ConvertProcedure([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/procedure")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "ConvertProcedure", caseId, async grant => CaseFunctions.Answer(views, grant, await convert.RunAsync(grant,
            await RequestBody.ReadJsonAsync<ConvertProcedure.Request>(req), RequestHeaders.IfMatch(req), req.HttpContext.RequestAborted)));
}
