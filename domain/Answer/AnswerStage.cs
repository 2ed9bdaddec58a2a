using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Answer;

/// <summary>
/// The defendant's answer and objection to jurisdiction, in the answer and evidence stage (and from acceptance for a defendant
/// served early). Its acts leave the case where it is, in whichever of those states, so they are recorded rather than rows of the
/// transition table. Its one period, the answer period, is service of process's (shown from the complaint copy's service).
/// </summary>
public sealed class AnswerStage : ICaseModule
{
    public string Name => "Answer";

    public IEnumerable<CaseAction> Actions => [];

    public IEnumerable<CasePart> Parts => [AnswerParts.Summary];

    public IEnumerable<string> KeptDeadlineKinds => [];

    public IEnumerable<PendingDeadline> Pending(CourtCase c, DateTimeOffset now, DeadlineCalculator deadlines) => [];

    public CourtCase Recompute(CourtCase c, DeadlineReckoning reckoning) => c;
}
