namespace ECourt.Domain.Cases;

/// <summary>Every action that moves a case from one state to another.</summary>
public enum CaseAction
{
    SubmitFiling,
    RequestCorrection,
    SubmitCorrections,
    ReturnUncorrectedFiling,
    RejectFiling,
    RegisterCase,
    RegisterOnReviewDeadline,
    ApplyForFeeAid,
    DecideFeeAid,
    WaiveFee,
    SettleFee,
    FlagFeeOverdue,
    RuleDeemedWithdrawn,
    BeginEvidenceExchange,
}
