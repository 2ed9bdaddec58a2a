using ECourt.Application.Enforcement;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Enforcement;

/// <summary>
/// The enforcement case's decisions beside the banks' measures: direct performance, closing the present procedure and reopening it,
/// the president's extension of the time limit, and an approved deferral of the payout deadline.
/// </summary>
public sealed class EnforcementDecisionFunctions(ApiEndpoint endpoint, EnforcementDecisions decisions)
{
    [ApiOperation("enforcement", "The case's officer records performance made directly to the creditor, on its written confirmation.",
        Request = typeof(DirectPerformanceRequest), Response = typeof(EnforcementView), Status = 201,
        Problems = [400, 401, 403, 404, 409, 415, 422], Idempotent = true,
        Description = "The enforcement officer records what the debtor paid the creditor directly, with the creditor's written "
            + "confirmation: a document the creditor's side filed in the enforcement case (422 confirmation-not-creditors otherwise). It "
            + "counts like money received: what is owed, what freezes may secure and what is held for the creditor fall by it; it is at "
            + "most the debt not yet received or performed (422 direct-performance-exceeds-debt).")]
    [Function("RecordDirectPerformance")]
    public Task<IActionResult> Direct([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "enforcement/{caseId}/direct-performance")] HttpRequest req, string caseId) =>
        endpoint.ActAsync<DirectPerformanceRequest>(req, "RecordDirectPerformance", caseId, decisions.RecordDirectPerformanceAsync,
            StatusCodes.Status201Created);

    [ApiOperation("enforcement", "The case's officer closes the present procedure when nothing is found (终结本次执行), by ruling.",
        Request = typeof(CloseForNowRequest), Response = typeof(EnforcementView), Problems = [400, 401, 403, 404, 409, 415, 422],
        Idempotent = true,
        Description = "The enforcement officer closes the present enforcement procedure by the ruling the court's staff filed in the case "
            + "(kind judgment): at least 3 months after filing (422 closing-too-early), every network inquiry done (422 "
            + "inquiries-not-done), "
            + "a consumption restriction in force (422 no-consumption-restriction), the creditor heard on the day given (SPC Provisions on "
            + "Closing the Present Enforcement Procedure, 2016, art. 1). The case becomes EnforcementClosedForNow; freezes and the list "
            + "stay.")]
    [Function("CloseForNow")]
    public Task<IActionResult> CloseForNow([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "enforcement/{caseId}/closing-for-now")] HttpRequest req, string caseId) =>
        endpoint.ActAsync<CloseForNowRequest>(req, "CloseForNow", caseId, decisions.CloseForNowAsync);

    [ApiOperation("enforcement", "The case's officer reopens a case closed for now when property is found.",
        Request = typeof(EnforcementReasonRequest), Response = typeof(EnforcementView), Problems = [400, 401, 403, 404, 409, 415, 422],
        Idempotent = true,
        Description = "The enforcement officer resumes a case closed for now, with the reason (the property found: art. 9 of the 2016 "
            + "Provisions). The case is Enforcing again and its time limit runs again from today.")]
    [Function("ReopenEnforcement")]
    public Task<IActionResult> Reopen([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "enforcement/{caseId}/reopening")] HttpRequest req, string caseId) =>
        endpoint.ActAsync<EnforcementReasonRequest>(req, "ReopenEnforcement", caseId, decisions.ReopenAsync);

    [ApiOperation("enforcement", "The president extends the enforcement case's time limit by 3 months, once.",
        Request = typeof(EnforcementReasonRequest), Response = typeof(EnforcementView), Problems = [400, 401, 403, 404, 409, 415, 422],
        Idempotent = true,
        Description = "The president extends the 6 months within which an enforcement case is closed to 9 months from filing, with the "
            + "reason (SPC Several Provisions on Enforcement Time Limits, 2006, art. 1); once (422 limit-already-extended).")]
    [Function("ExtendEnforcementLimit")]
    public Task<IActionResult> Extend([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "enforcement/{caseId}/extension")] HttpRequest req, string caseId) =>
        endpoint.ActAsync<EnforcementReasonRequest>(req, "ExtendEnforcementLimit", caseId, decisions.ExtendLimitAsync);

    [ApiOperation("enforcement", "The division head approves deferring the payout deadline, for a reason the Provisions allow.",
        Request = typeof(PayoutDeferralRequest), Response = typeof(EnforcementView), Problems = [400, 401, 403, 404, 409, 415, 422],
        Idempotent = true,
        Description = "The head of the enforcement division (or the president) approves deferring the 30 days to pay funds out (法发〔2017〕"
            + "6号 art. 17) until a day within 180 days (422 deferral-term), for one of the reasons the Provisions allow: funds frozen or "
            + "under objection, distribution pending, the creditor unreachable or refusing, enforcement suspended. While it lasts the "
            + "deadline is not flagged overdue; it shows in the case view with its reason.")]
    [Function("DeferPayout")]
    public Task<IActionResult> Defer([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "enforcement/{caseId}/payout-deferral")] HttpRequest req, string caseId) =>
        endpoint.ActAsync<PayoutDeferralRequest>(req, "DeferPayout", caseId, decisions.DeferPayoutAsync);
}
