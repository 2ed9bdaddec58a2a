using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Answer;

/// <summary>
/// The defendant's answer and objection to jurisdiction, in the answer and evidence stage (and from acceptance for a defendant
/// served early). Its acts leave the case where it is, in whichever of those states (<see cref="AnswerActions"/>). The answer period is
/// service of process's (shown from the complaint copy's service); the stage keeps one
/// deadline of its own, a defendant's 3 days to link its account to proceed online (<see cref="OnlineLinking"/>).
/// </summary>
public sealed class AnswerStage : ICaseModule
{
    public const string OnlineLinkingDeadline = "online-linking";

    public string Name => "Answer";

    public IEnumerable<CaseAction> Actions => AnswerActions.All;

    public IEnumerable<CasePart> Parts => [AnswerParts.Summary];

    public IEnumerable<string> KeptDeadlineKinds => [OnlineLinkingDeadline];

    /// <summary>The earliest defendant's 3 days to link (the others follow when it is kept).</summary>
    public IEnumerable<PendingDeadline> Pending(CourtCase c, DateTimeOffset now, DeadlineCalculator deadlines) =>
        OnlineLinking.Pending(c, deadlines).OrderBy(d => d.Deadline.EndsAt).Take(1).Select(d => PendingDeadline.Kept(OnlineLinkingDeadline,
            d.Deadline, $"{OnlineLinking.Source}: party {d.PartyNumber} links its account within {OnlineLinking.Days} days of the notice "
            + "to proceed online, else proceeds offline"));

    public CourtCase Recompute(CourtCase c, DeadlineReckoning reckoning) => c;
}
