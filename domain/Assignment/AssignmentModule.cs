using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Assignment;

/// <summary>
/// Case assignment, a concept every stage after acceptance relies on (who is the case's judge): its part of the snapshot,
/// and one kept deadline, "assignment", due as soon as an accepted case has no judge (or when its wait for an eligible
/// member ends), which the lifecycle keeps by assigning the case by the court's rule.
/// </summary>
public sealed class AssignmentModule : ICaseModule
{
    public const string AssignmentDue = "assignment";

    public string Name => "Assignment";

    public IEnumerable<CaseAction> Actions => [];

    public IEnumerable<CasePart> Parts => [AssignmentParts.Summary];

    public IEnumerable<string> KeptDeadlineKinds => [AssignmentDue];

    public IEnumerable<PendingDeadline> Pending(CourtCase c, DateTimeOffset now, DeadlineCalculator deadlines)
    {
        if (!CaseAssignments.IsDue(c)) yield break;
        var at = c.Assignment?.RetryAt ?? now;
        yield return new PendingDeadline(AssignmentDue, ChinaTime.DateOf(at), at, false,
            "SPC rules on case assignment: an accepted case is assigned to a judge of the division that hears it", at);
    }

    public CourtCase Recompute(CourtCase c, DeadlineReckoning reckoning) => c;
}
