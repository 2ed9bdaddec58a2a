using ECourt.Application.Cases;
using ECourt.Domain.Fees;

namespace ECourt.Application.Fees;

/// <summary>POST /api/cases/{caseId}/fee-aid, or with the filing.</summary>
public sealed record FeeAidRequest(
    [property: Required, OneOf(typeof(FeeAidKind)), Bound(Bounds.WireName)] string? Kind,
    [property: Required, Bound(Validation.MaxReasons, ItemChars = Validation.MaxReasonChars)] List<string?>? Reasons);

/// <summary>POST /api/cases/{caseId}/fee-aid/decision.</summary>
public sealed record FeeAidDecisionRequest(
    [property: Required, OneOf(typeof(FeeAidRuling)), Bound(Bounds.WireName)] string? Decision,
    [property: Form(FieldForm.Money), Bound(Bounds.Code)] string? ReducedAmount,
    [property: Form(FieldForm.Date), Bound(Bounds.Code)] string? DeferredUntil,
    [property: Bound(Validation.MaxReasons, ItemChars = Validation.MaxReasonChars)] List<string?>? Reasons);

/// <summary>POST /api/cases/{caseId}/withdrawal-ruling.</summary>
public sealed record WithdrawalRulingRequest(
    [property: Bound(Validation.MaxReasons, ItemChars = Validation.MaxReasonChars)] List<string?>? Reasons);
