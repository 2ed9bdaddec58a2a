using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.TrialLimit;

/// <summary>
/// The trial time limit, a concept that spans the stages from registration to judgment: its part of the snapshot and two kept
/// deadlines, the warning when four fifths have run and the limit itself, each recorded for the judge when it comes. While an
/// excluded period runs (a jurisdiction objection), the limit stands still and shows no deadline.
/// </summary>
public sealed class TrialLimitModule : ICaseModule
{
    public const string LimitDeadline = "trial-limit";

    public const string WarningDeadline = "trial-limit-warning";

    public string Name => "TrialLimit";

    public IEnumerable<CaseAction> Actions => [];

    public IEnumerable<CasePart> Parts => [TrialLimitParts.Summary];

    public IEnumerable<string> KeptDeadlineKinds => [LimitDeadline, WarningDeadline];

    /// <summary>Counted from registration each time: nothing stored to count again.</summary>
    public CourtCase Recompute(CourtCase c, DeadlineReckoning reckoning) => c;

    public IEnumerable<PendingDeadline> Pending(CourtCase c, DateTimeOffset now, DeadlineCalculator deadlines)
    {
        if (TrialTimeLimit.Counting(c, deadlines) is not var (limit, summary) || summary.ReachedFor == limit.LastDay) yield break;
        if (summary.WarnedFor != limit.LastDay)
        {
            var day = TrialTimeLimit.WarningDay(limit);
            yield return new PendingDeadline(WarningDeadline, day, ChinaTime.EndOfDay(day), limit.Provisional,
                "Four fifths of the trial time limit: the judge is warned (CPL arts. 152, 164, 169)", TrialLimitWarnings.StartOfDay(day));
        }
        yield return PendingDeadline.Kept(LimitDeadline, limit, TrialTimeLimit.Basis);
    }
}
