using ECourt.Domain.Cases;

namespace ECourt.Domain.Evidence;

/// <summary>
/// The evidence stage's rows of the transition table: the acts of the answer and evidence stage, each allowed while the case is in
/// it and leaving it there (a later stage adds its states to the rows that may still happen in them), each with its legal source.
/// </summary>
public static class EvidenceActions
{
    private static readonly IReadOnlyList<CaseStatus> InEvidenceStage = [CaseStatus.EvidenceExchange];

    /// <summary>
    /// Evidence may still come, be cross-examined and ruled on, and its period be extended, until the hearing (CPL Interpretation
    /// arts. 101–102 rule on evidence as late as the hearing): these acts leave a case whose hearing is scheduled where it is.
    /// </summary>
    private static readonly IReadOnlyList<CaseStatus> UntilTheHearing = [CaseStatus.EvidenceExchange, CaseStatus.HearingScheduled];

    public static readonly CaseAction SetEvidencePeriod = new(nameof(SetEvidencePeriod), InEvidenceStage, CaseStatus.EvidenceExchange,
        "SPC Evidence Provisions arts. 50–51; CPL Interpretation arts. 99, 266, 275");

    public static readonly CaseAction SubmitEvidence = CaseAction.Within(nameof(SubmitEvidence), UntilTheHearing,
        "CPL art. 67; Online Litigation Rules art. 16: evidence fixed by its hash when submitted");

    public static readonly CaseAction OrderEvidenceExchange = new(nameof(OrderEvidenceExchange), InEvidenceStage,
        CaseStatus.EvidenceExchange, "Online Litigation Rules art. 14; CPL art. 136");

    public static readonly CaseAction FileCrossExaminationOpinion = CaseAction.Within(nameof(FileCrossExaminationOpinion), UntilTheHearing,
        "CPL Interpretation arts. 103–104");

    public static readonly CaseAction RuleOnLateEvidence = CaseAction.Within(nameof(RuleOnLateEvidence), UntilTheHearing,
        "CPL Interpretation arts. 101–102");

    public static readonly CaseAction ApplyForEvidencePeriodExtension = CaseAction.Within(
        nameof(ApplyForEvidencePeriodExtension), UntilTheHearing,
        "CPL Interpretation art. 100");

    public static readonly CaseAction DecideEvidencePeriodExtension = CaseAction.Within(
        nameof(DecideEvidencePeriodExtension), UntilTheHearing,
        "CPL Interpretation art. 100");

    public static IReadOnlyList<CaseAction> All { get; } =
    [
        SetEvidencePeriod, SubmitEvidence, OrderEvidenceExchange, FileCrossExaminationOpinion, RuleOnLateEvidence,
        ApplyForEvidencePeriodExtension, DecideEvidencePeriodExtension,
    ];

    /// <summary>What the system records in the stage: not acts of a user, so not rows of the table.</summary>
    public const string SendEvidenceNotice = nameof(SendEvidenceNotice);

    public const string EvidenceNoticeServed = nameof(EvidenceNoticeServed);

    public const string EndEvidencePeriod = nameof(EndEvidencePeriod);
}
