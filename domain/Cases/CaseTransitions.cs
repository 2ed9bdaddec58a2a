namespace ECourt.Domain.Cases;

/// <summary>
/// The one table of allowed transitions: for each action, the states it may start from, the state it
/// leads to, and its legal source. An action from any other state is refused, naming both.
/// </summary>
public static class CaseTransitions
{
    public sealed record Rule(IReadOnlyList<CaseStatus> From, CaseStatus To, string Source);

    public static readonly IReadOnlyDictionary<CaseAction, Rule> Table = new Dictionary<CaseAction, Rule>
    {
        [CaseAction.SubmitFiling] = new([CaseStatus.Draft], CaseStatus.Submitted, "CPL art. 124 (complaint)"),
        [CaseAction.RequestCorrection] = new([CaseStatus.Submitted], CaseStatus.CorrectionRequested, "SPC Provisions on Case Filing Registration (2015): one notice of every defect"),
        [CaseAction.SubmitCorrections] = new([CaseStatus.CorrectionRequested], CaseStatus.Submitted, "SPC Provisions on Case Filing Registration (2015): the 7 days start again"),
        [CaseAction.ReturnUncorrectedFiling] = new([CaseStatus.CorrectionRequested], CaseStatus.Returned, "SPC Provisions on Case Filing Registration (2015): not corrected in time"),
        [CaseAction.RejectFiling] = new([CaseStatus.Submitted], CaseStatus.Rejected, "CPL art. 126: ruling of non-acceptance with reasons"),
        [CaseAction.RegisterCase] = new([CaseStatus.Submitted], CaseStatus.AwaitingFee, "CPL art. 126: registration"),
        [CaseAction.RegisterOnReviewDeadline] = new([CaseStatus.Submitted], CaseStatus.AwaitingFee, "SPC Provisions on Case Filing Registration (2015): undecided within 7 days, registered first"),
        [CaseAction.ApplyForFeeAid] = new([CaseStatus.AwaitingFee], CaseStatus.FeeAidPending, "Measures on Payment of Litigation Costs arts. 44–48"),
        [CaseAction.DecideFeeAid] = new([CaseStatus.FeeAidPending], CaseStatus.AwaitingFee, "Measures on Payment of Litigation Costs arts. 44–48"),
        [CaseAction.WaiveFee] = new([CaseStatus.FeeAidPending], CaseStatus.Accepted, "Measures on Payment of Litigation Costs art. 45"),
        [CaseAction.SettleFee] = new([CaseStatus.AwaitingFee, CaseStatus.FeeOverdue], CaseStatus.Accepted, "Measures on Payment of Litigation Costs art. 22"),
        [CaseAction.FlagFeeOverdue] = new([CaseStatus.AwaitingFee], CaseStatus.FeeOverdue, "Measures on Payment of Litigation Costs art. 22; SPC CPL Interpretation art. 213"),
        [CaseAction.RuleDeemedWithdrawn] = new([CaseStatus.FeeOverdue], CaseStatus.DeemedWithdrawn, "SPC CPL Interpretation art. 213"),
        [CaseAction.BeginEvidenceExchange] = new([CaseStatus.Accepted], CaseStatus.EvidenceExchange, "CPL art. 128: complaint copy served, answer within 15 days"),
    };

    public static CaseStatus Target(CaseStatus current, CaseAction action)
    {
        var rule = Table[action];
        if (!rule.From.Contains(current)) throw new TransitionRefusedException(current, action);
        return rule.To;
    }

    public static bool IsAllowed(CaseStatus current, CaseAction action) => Table[action].From.Contains(current);
}

/// <summary>An action was attempted from a state the table does not allow it from.</summary>
public sealed class TransitionRefusedException(CaseStatus current, CaseAction action)
    : DomainRuleException("transition-not-allowed", $"The case is {current}; {action} is not allowed from that state.")
{
    public CaseStatus Current { get; } = current;
    public CaseAction Action { get; } = action;
}
