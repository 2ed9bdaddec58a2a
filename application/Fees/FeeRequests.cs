namespace ECourt.Application.Fees;

/// <summary>POST /api/cases/{caseId}/fee-aid, or with the filing.</summary>
public sealed record FeeAidRequest(string? Kind, List<string?>? Reasons);

/// <summary>POST /api/cases/{caseId}/fee-aid/decision.</summary>
public sealed record FeeAidDecisionRequest(string? Decision, string? ReducedAmount, string? DeferredUntil, List<string?>? Reasons);

/// <summary>POST /api/cases/{caseId}/withdrawal-ruling.</summary>
public sealed record WithdrawalRulingRequest(List<string?>? Reasons);
