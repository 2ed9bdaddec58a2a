using ECourt.Application.Enforcement;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Enforcement;

/// <summary>
/// The enforcement stage's routes: a creditor's application (on the original case), and on the enforcement case its officer's
/// measures (asset inquiry, freeze, deduction, payout proposal), the approvers' decisions on payouts and the inquiries' answers.
/// </summary>
public sealed class EnforcementFunctions(ApiEndpoint endpoint, ApplyForEnforcement apply, StartAssetInquiry inquire,
    ReadInquiries inquiries,
    RequestFreeze freeze, RequestDeduction deduct, ProposePayout propose, DecidePayout decide)
{
    /// <summary>An account a bank found, with its balance when it answered.</summary>
    public sealed record FoundAccountView(int PartyNumber, string AccountNumber, string AccountKind, decimal Balance);

    /// <summary>One bank's answer to an inquiry, with the accounts it found.</summary>
    public sealed record InquiryAnswerView(string BankCode, string RequestId, DateTimeOffset? AnsweredAt, string? Refusal,
        IReadOnlyList<FoundAccountView> Accounts);

    /// <summary>An inquiry with every bank's answer (silent ones with none).</summary>
    public sealed record InquiryDetailView(InquiryView Inquiry, IReadOnlyList<InquiryAnswerView> Answers);

    public sealed record InquiriesView(string CaseId, IReadOnlyList<InquiryDetailView> Inquiries);

    [ApiOperation("enforcement", "A creditor of an effective judgment, or its lawyer, applies for enforcement; its enforcement case opens.",
        Request = typeof(EnforcementApplicationRequest), Response = typeof(EnforcementCaseView), Status = 201,
        Problems = [400, 401, 403, 404, 409, 415, 422], Idempotent = true,
        Description = "A creditor named in the effective judgment's money orders, or one acting for it, applies once the performance "
            + "deadline "
            + "has passed (CPL art. 247). Within 2 years of the last day of performance (CPL art. 250), or later: accepted and flagged, "
            + "since "
            + "the period may have been suspended or interrupted (SPC Interpretation art. 481). The enforcement case opens as a case of "
            + "its "
            + "own (number with 执, its own account, the creditor as party 1 and the debtors after, the amount to recover from the orders, "
            + "the enforcement fee of Measures art. 14 collected from the debtor, art. 20); an enforcement officer is assigned and the "
            + "notice of enforcement with the order to report assets is served on the debtors within 10 days (SPC Interpretation art. "
            + "480).")]
    [Function("ApplyForEnforcement")]
    public Task<IActionResult> Apply([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/enforcement")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "ApplyForEnforcement", caseId, async grant =>
        {
            var opened = await apply.RunAsync(grant, await RequestBody.ReadJsonAsync<EnforcementApplicationRequest>(req),
                req.HttpContext.RequestAborted);
            return new ApiResult(EnforcementCaseView.Of(opened.Case), StatusCodes.Status201Created);
        });

    [ApiOperation("enforcement", "The case's officer inquires of every configured bank about the case's debtors.",
        Request = typeof(AssetInquiryRequest), Response = typeof(EnforcementView), Status = 201,
        Problems = [400, 401, 403, 404, 409, 415, 422], Idempotent = true,
        Description = "The enforcement officer sends one asset-inquiry request per configured bank (topic bank-requests) about the case's "
            + "debtors (all, or those named by party number; only its debtors: SPC Network Inquiry Provisions 2013). Answers arrive on "
            + "bank-replies as they come; the inquiry closes when every bank answered or its answer period ended, naming the banks that "
            + "never answered. One inquiry at a time (422 inquiry-open).")]
    [Function("StartAssetInquiry")]
    public Task<IActionResult> Inquire([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "enforcement/{caseId}/inquiries")] HttpRequest req, string caseId) =>
        endpoint.ActAsync<AssetInquiryRequest>(req, "StartAssetInquiry", caseId, inquire.RunAsync, StatusCodes.Status201Created);

    [ApiOperation("enforcement", "The enforcement staff read each inquiry: banks asked, answered and silent, accounts and balances found.",
        Response = typeof(InquiriesView), Problems = [401, 403, 404, 422],
        Description = "The case's officer, its division head and the president read every asset inquiry of the enforcement case: the "
            + "banks asked, when each answered (or that it never did, once the inquiry closed), and the accounts and balances each found.")]
    [Function("ListInquiries")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get",
        Route = "enforcement/{caseId}/inquiries")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "ListInquiries", caseId, async grant =>
        {
            var result = await inquiries.RunAsync(grant, req.HttpContext.RequestAborted);
            return new ApiResult(new InquiriesView(grant.CaseId, result.Enforcement.Inquiries.Select(i => new InquiryDetailView(
                InquiryView.Of(i), i.Banks.Select(b => new InquiryAnswerView(b.BankCode, b.RequestId, b.AnsweredAt, b.Refusal,
                    result.Replies.TryGetValue(b.RequestId, out var reply)
                        ? reply.Accounts.Select(a => new FoundAccountView(a.PartyNumber, a.AccountNumber, a.AccountKind,
                            a.Balance)).ToList()
                        : [])).ToList())).ToList()));
        });

    [ApiOperation("enforcement", "The case's officer freezes a debtor's account (or renews a freeze), within what is owed.",
        Request = typeof(FreezeRequest), Response = typeof(EnforcementView), Status = 201, Problems = [400, 401, 403, 404, 409, 415, 422],
        Idempotent = true,
        Description = "The enforcement officer asks a bank to freeze an amount on a debtor's account until a day: a bank deposit for at "
            + "most "
            + "one year (SPC Interpretation art. 485; 422 freeze-term-too-long), never more across all freezes than the amount to recover "
            + "plus the fee, less what was performed (422 freeze-exceeds-debt). With renews, it continues a freeze in force before its "
            + "term "
            + "ends; a freeze not renewed lapses at the end of its last day, and the officer is reminded 15 days before. The bank's answer "
            + "(frozen, queued behind another freeze, or refused) arrives on bank-replies.")]
    [Function("RequestFreeze")]
    public Task<IActionResult> Freeze([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "enforcement/{caseId}/freezes")] HttpRequest req, string caseId) =>
        endpoint.ActAsync<FreezeRequest>(req, "RequestFreeze", caseId, freeze.RunAsync, StatusCodes.Status201Created);

    [ApiOperation("enforcement", "The case's officer deducts from a frozen account into the case's account.",
        Request = typeof(DeductionRequest), Response = typeof(EnforcementView), Status = 201, Problems = [400, 401, 403, 404, 409, 415,
            422],
        Idempotent = true,
        Description = "The enforcement officer asks the bank to deduct an amount from a frozen account into the enforcement case's own "
            + "account (CPL art. 253): at most what the freeze still holds (422 deduction-exceeds-freeze). The bank answers on "
            + "bank-replies; "
            + "the money arrives as a credit on bank-credits, booked to the case's ledger like any payment.")]
    [Function("RequestDeduction")]
    public Task<IActionResult> Deduct([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "enforcement/{caseId}/deductions")] HttpRequest req, string caseId) =>
        endpoint.ActAsync<DeductionRequest>(req, "RequestDeduction", caseId, deduct.RunAsync, StatusCodes.Status201Created);

    [ApiOperation("enforcement", "The case's officer proposes paying held funds out to the creditor; approval by amount follows.",
        Request = typeof(PayoutRequest), Response = typeof(EnforcementView), Status = 201, Problems = [400, 401, 403, 404, 409, 415, 422],
        Idempotent = true,
        Description = "The enforcement officer proposes a payout of funds the case holds for the creditor (received, less the fee's part, "
            + "less what is paid out or in another payout: 422 payout-exceeds-held) to the creditor's account. Funds are paid out "
            + "within 30 "
            + "days of their arrival (法发〔2017〕6号); the division head decides within the court's working days, and above the court's "
            + "threshold the president after; a late step is escalated.")]
    [Function("ProposePayout")]
    public Task<IActionResult> Propose([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "enforcement/{caseId}/payouts")] HttpRequest req, string caseId) =>
        endpoint.ActAsync<PayoutRequest>(req, "ProposePayout", caseId, propose.RunAsync, StatusCodes.Status201Created);

    [ApiOperation("enforcement", "The division head, or the president above the threshold, approves or refuses a payout.",
        Request = typeof(PayoutDecisionRequest), Response = typeof(EnforcementView), Problems = [400, 401, 403, 404, 409, 415, 422],
        Idempotent = true,
        Description = "The head of the enforcement division decides a proposed payout; above the court's threshold the president decides "
            + "after (法发〔2017〕6号 art. 14: approval by amount). The step's own role only (422 wrong-approver). A refusal, with its "
            + "reasons (422 refusal-needs-reasons), returns it to the officer; the last approval sends one payout instruction to the "
            + "court's "
            + "bank, under one request id the bank takes as its idempotency key; the bank's result closes it.")]
    [Function("DecidePayout")]
    public Task<IActionResult> Decide([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "enforcement/{caseId}/payouts/{payoutId}/decision")] HttpRequest req, string caseId, string payoutId) =>
        endpoint.ActAsync<PayoutDecisionRequest>(req, "DecidePayout", caseId,
            (grant, r, ct) => decide.RunAsync(grant, payoutId, r, ct));
}
