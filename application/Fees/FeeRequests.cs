using ECourt.Application.Cases;

namespace ECourt.Application.Fees;

/// <summary>POST /api/cases/{caseId}/fee-aid, or with the filing.</summary>
public sealed record FeeAidRequest(
    [property: Bound(Bounds.WireName)] string? Kind,
    [property: Bound(Validation.MaxReasons, ItemChars = Validation.MaxReasonChars)] List<string?>? Reasons);

/// <summary>POST /api/cases/{caseId}/fee-aid/decision.</summary>
public sealed record FeeAidDecisionRequest(
    [property: Bound(Bounds.WireName)] string? Decision,
    [property: Bound(Bounds.Code)] string? ReducedAmount,
    [property: Bound(Bounds.Code)] string? DeferredUntil,
    [property: Bound(Validation.MaxReasons, ItemChars = Validation.MaxReasonChars)] List<string?>? Reasons);

/// <summary>POST /api/cases/{caseId}/withdrawal-ruling.</summary>
public sealed record WithdrawalRulingRequest(
    [property: Bound(Validation.MaxReasons, ItemChars = Validation.MaxReasonChars)] List<string?>? Reasons);
