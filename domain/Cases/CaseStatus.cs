namespace ECourt.Domain.Cases;

/// <summary>The states clients branch on (API.md), named on the wire as here. Later stages add theirs when they exist.</summary>
public enum CaseStatus
{
    Draft,
    Submitted,
    CorrectionRequested,
    Returned,
    Rejected,
    AwaitingFee,
    FeeAidPending,
    FeeOverdue,
    DeemedWithdrawn,
    Accepted,
    /// <summary>Fee settled and the complaint copy served on every defendant: the answer and evidence stage.</summary>
    EvidenceExchange,
    /// <summary>A hearing is set (or one was cancelled and the next is to be set): summonses go out; evidence acts still happen.</summary>
    HearingScheduled,
    /// <summary>A hearing was held and recorded: the judgment comes next (or a further hearing is scheduled).</summary>
    Heard,
    /// <summary>The judgment (or a ruling or mediation statement ending the case) is issued and served; appeal periods run.</summary>
    JudgmentIssued,
    /// <summary>A party appealed within its period: the second instance follows (outside this lifecycle).</summary>
    Appealed,
    /// <summary>The judgment took effect: performance deadlines and costs run; it is published; enforcement may follow.</summary>
    Effective,
    /// <summary>An enforcement case (its own case, opened on a creditor's application): the court finds, secures and pays out the
    /// money.</summary>
    Enforcing,
    /// <summary>An enforcement case closed for now (终结本次执行): nothing found to enforce; reopened when assets appear.</summary>
    EnforcementClosedForNow,
    /// <summary>An enforcement case closed: the debt performed in full and the creditor paid out (执行完毕).</summary>
    Enforced,
}

public static class CaseStatuses
{
    /// <summary>States from which the case goes nowhere in this lifecycle.</summary>
    public static bool IsFinal(this CaseStatus status) =>
        status is CaseStatus.Returned or CaseStatus.Rejected or CaseStatus.DeemedWithdrawn or CaseStatus.Enforced;
}
