using ECourt.Domain.Cases;

namespace ECourt.Domain.Hearings;

/// <summary>
/// The hearings stage's rows of the transition table. A hearing is scheduled once evidence is exchanged, and again after a
/// cancellation or for a further hearing once one was held; postponing and cancelling leave the case waiting for its hearing;
/// recording the hearing held makes the case heard.
/// </summary>
public static class HearingActions
{
    public static readonly CaseAction ScheduleHearing = new(nameof(ScheduleHearing),
        [CaseStatus.EvidenceExchange, CaseStatus.HearingScheduled, CaseStatus.Heard], CaseStatus.HearingScheduled,
        "CPL arts. 136, 139; CPL Interpretation art. 227: the parties are summoned at least 3 days before the hearing");

    public static readonly CaseAction PostponeHearing = new(nameof(PostponeHearing), [CaseStatus.HearingScheduled],
        CaseStatus.HearingScheduled, "CPL art. 149: a hearing may be postponed; the parties are summoned again");

    public static readonly CaseAction CancelHearing = new(nameof(CancelHearing), [CaseStatus.HearingScheduled],
        CaseStatus.HearingScheduled, "CPL art. 139: the parties are told the hearing will not be held as summoned");

    public static readonly CaseAction RecordHearing = new(nameof(RecordHearing), [CaseStatus.HearingScheduled], CaseStatus.Heard,
        "CPL arts. 146–147, 150: attendance, absences and the minutes of the hearing");

    public static IReadOnlyList<CaseAction> All { get; } = [ScheduleHearing, PostponeHearing, CancelHearing, RecordHearing];

    /// <summary>What the system records in the stage: not acts of a user, so not rows of the table.</summary>
    public const string SendHearingNotice = nameof(SendHearingNotice);

    public const string HearingNoticeServed = nameof(HearingNoticeServed);

    public const string FlagSummonsServiceLate = nameof(FlagSummonsServiceLate);

    public const string VerifyIdentityForHearing = nameof(VerifyIdentityForHearing);
}
