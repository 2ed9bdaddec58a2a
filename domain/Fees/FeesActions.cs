using ECourt.Domain.Cases;

namespace ECourt.Domain.Fees;

/// <summary>The fee stage's rows of the transition table, each with its legal source.</summary>
public static class FeesActions
{
    public static readonly CaseAction ApplyForFeeAid = new(nameof(ApplyForFeeAid), [CaseStatus.AwaitingFee], CaseStatus.FeeAidPending,
        "Measures on Payment of Litigation Costs arts. 44–48");

    public static readonly CaseAction DecideFeeAid = new(nameof(DecideFeeAid), [CaseStatus.FeeAidPending], CaseStatus.AwaitingFee,
        "Measures on Payment of Litigation Costs arts. 44–48");

    public static readonly CaseAction WaiveFee = new(nameof(WaiveFee), [CaseStatus.FeeAidPending], CaseStatus.Accepted, "Measures on Payment of Litigation Costs art. 45");

    public static readonly CaseAction SettleFee = new(nameof(SettleFee), [CaseStatus.AwaitingFee, CaseStatus.FeeOverdue], CaseStatus.Accepted,
        "Measures on Payment of Litigation Costs art. 22");

    public static readonly CaseAction FlagFeeOverdue = new(nameof(FlagFeeOverdue), [CaseStatus.AwaitingFee], CaseStatus.FeeOverdue,
        "Measures on Payment of Litigation Costs art. 22; SPC CPL Interpretation art. 213");

    public static readonly CaseAction RuleDeemedWithdrawn = new(nameof(RuleDeemedWithdrawn), [CaseStatus.FeeOverdue], CaseStatus.DeemedWithdrawn,
        "SPC CPL Interpretation art. 213");

    public static IReadOnlyList<CaseAction> All { get; } = [ApplyForFeeAid, DecideFeeAid, WaiveFee, SettleFee, FlagFeeOverdue, RuleDeemedWithdrawn];
}
