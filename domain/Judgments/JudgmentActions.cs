using ECourt.Domain.Cases;

namespace ECourt.Domain.Judgments;

/// <summary>
/// The judgments stage's rows of the transition table. The judge issues the judgment once the case is heard (a ruling or a
/// mediation statement may end the case at any stage after acceptance); a party's appeal within its period makes the case appealed
/// (and the other parties may still appeal within theirs); the judgment takes effect when nobody appealed in time, or on service
/// when it cannot be appealed.
/// </summary>
public static class JudgmentActions
{
    public static readonly CaseAction IssueJudgment = new(nameof(IssueJudgment),
        [CaseStatus.Accepted, CaseStatus.EvidenceExchange, CaseStatus.HearingScheduled, CaseStatus.Heard], CaseStatus.JudgmentIssued,
        "CPL arts. 155–157 (judgments and rulings), 100 (mediation statements); served on every party");

    public static readonly CaseAction FileAppeal = new(nameof(FileAppeal), [CaseStatus.JudgmentIssued, CaseStatus.Appealed],
        CaseStatus.Appealed, AppealPeriod.Source);

    public static readonly CaseAction TakeEffect = new(nameof(TakeEffect), [CaseStatus.JudgmentIssued], CaseStatus.Effective,
        "CPL arts. 100, 158, 165, 171: no appeal in time, or none possible");

    public static IReadOnlyList<CaseAction> All { get; } = [IssueJudgment, FileAppeal, TakeEffect];

    /// <summary>What the system records in the stage: not acts of a user, so not rows of the table.</summary>
    public const string SendJudgment = nameof(SendJudgment);

    public const string JudgmentServed = nameof(JudgmentServed);
}
