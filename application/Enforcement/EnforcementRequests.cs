using ECourt.Application.Cases;
using ECourt.Domain.Judgments;

namespace ECourt.Application.Enforcement;

/// <summary>The most banks, accounts or parties one request names (a court configures a few dozen banks).</summary>
public static class EnforcementBounds
{
    public const int MaxParties = JudgmentRules.MaxPartyNumber;

    /// <summary>Bank account numbers: at most 32 characters (GB/T 15694 card numbers have 19, corporate accounts up to 30).</summary>
    public const int AccountNumber = 32;
}

/// <summary>A debtor of the case to inquire about, by its party number.</summary>
public sealed record InquiryDebtorRequest(
    [property: Required, Bound(EnforcementBounds.MaxParties, Min = 1)] int? PartyNumber);

/// <summary>POST /api/enforcement/{caseId}/inquiries: the debtors to inquire about (none named: all of them).</summary>
public sealed record AssetInquiryRequest(
    [property: Bound(EnforcementBounds.MaxParties)] List<InquiryDebtorRequest?>? Debtors);

/// <summary>POST /api/enforcement/{caseId}/freezes: a debtor's account at a bank, the amount, the last day (at most a year) and the freeze
/// it renews.</summary>
public sealed record FreezeRequest(
    [property: Required, Bound(Bounds.Code)] string? BankCode,
    [property: Required, Bound(EnforcementBounds.AccountNumber)] string? AccountNumber,
    [property: Required, Bound(EnforcementBounds.MaxParties, Min = 1)] int? Debtor,
    [property: Required, Form(FieldForm.Money), Bound(Bounds.Code)] string? Amount,
    [property: Form(FieldForm.Date), Bound(Bounds.Code)] string? Until,
    [property: Bound(Bounds.Code)] string? Renews);

/// <summary>POST /api/enforcement/{caseId}/deductions: the freeze to deduct from and the amount.</summary>
public sealed record DeductionRequest(
    [property: Required, Bound(Bounds.Code)] string? FreezeRequestId,
    [property: Required, Form(FieldForm.Money), Bound(Bounds.Code)] string? Amount);

/// <summary>The creditor's account a payout goes to.</summary>
public sealed record PayeeRequest(
    [property: Required, Bound(Bounds.Name)] string? Name,
    [property: Required, Bound(EnforcementBounds.AccountNumber)] string? AccountNumber,
    [property: Required, Bound(Bounds.Name)] string? BankName);

/// <summary>POST /api/enforcement/{caseId}/payouts: the amount of held funds and the creditor's account.</summary>
public sealed record PayoutRequest(
    [property: Required, Form(FieldForm.Money), Bound(Bounds.Code)] string? Amount,
    [property: Required] PayeeRequest? Payee);

/// <summary>POST /api/enforcement/{caseId}/payouts/{payoutId}/decision: approve, or refuse with reasons.</summary>
public sealed record PayoutDecisionRequest(
    [property: Required] bool? Approve,
    [property: Bound(Bounds.Note)] string? Reasons);

/// <summary>POST /api/enforcement/{caseId}/direct-performance: the amount and the creditor's written confirmation (a document it
/// filed).</summary>
public sealed record DirectPerformanceRequest(
    [property: Required, Form(FieldForm.Money), Bound(Bounds.Code)] string? Amount,
    [property: Required, Bound(Bounds.Code)] string? ConfirmationDocumentId);

/// <summary>POST /api/enforcement/{caseId}/closing-for-now: the ruling (a document filed by the court), the day the creditor was heard,
/// why.</summary>
public sealed record CloseForNowRequest(
    [property: Required, Bound(Bounds.Code)] string? RulingDocumentId,
    [property: Required, Form(FieldForm.Date), Bound(Bounds.Code)] string? CreditorHeardOn,
    [property: Required, Bound(Bounds.Note)] string? Reason);

/// <summary>POST /api/enforcement/{caseId}/reopening, …/extension: the reason.</summary>
public sealed record EnforcementReasonRequest(
    [property: Required, Bound(Bounds.Note)] string? Reason);

/// <summary>POST /api/enforcement/{caseId}/payout-deferral: the reason the Provisions allow, a note, and the deferral's last day.</summary>
public sealed record PayoutDeferralRequest(
    [property: Required, OneOf(typeof(Domain.Enforcement.DeferralReason)), Bound(Bounds.WireName)] string? Reason,
    [property: Required, Bound(Bounds.Note)] string? Note,
    [property: Required, Form(FieldForm.Date), Bound(Bounds.Code)] string? Until);
