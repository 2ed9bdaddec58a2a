using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.TrialLimit;

/// <summary>
/// The judge is warned when four fifths of the trial time limit have run and again when it ends (the court's management of
/// time limits under CPL art. 152): each warning once per last day, so an extension brings both again for its new end.
/// </summary>
public static class TrialLimitWarnings
{
    public const string WarnTrialLimit = nameof(WarnTrialLimit);

    public const string TrialLimitReached = nameof(TrialLimitReached);

    public static DateTimeOffset StartOfDay(DateOnly day) => ChinaTime.EndOfDay(day.AddDays(-1));

    public static (CourtCase Case, CaseEvent Event)? Warn(CourtCase c, DateTimeOffset now, DeadlineCalculator deadlines)
    {
        if (TrialTimeLimit.Counting(c, deadlines) is not var (limit, summary)) return null;
        if (summary.WarnedFor == limit.LastDay || now < StartOfDay(TrialTimeLimit.WarningDay(limit))) return null;
        return c.Record(WarnTrialLimit, Actor.System, now,
            $"Four fifths of the trial time limit have run: it ends at the end of {limit.LastDay:yyyy-MM-dd} unless the president "
            + "extends it (CPL arts. 152, 164, 169)",
            x => x.WithTrialLimit(summary with { WarnedFor = limit.LastDay }));
    }

    public static (CourtCase Case, CaseEvent Event)? Reach(CourtCase c, DateTimeOffset now, DeadlineCalculator deadlines)
    {
        if (TrialTimeLimit.Counting(c, deadlines) is not var (limit, summary)) return null;
        if (summary.ReachedFor == limit.LastDay || now < limit.EndsAt) return null;
        return c.Record(TrialLimitReached, Actor.System, now,
            $"The trial time limit ended at the end of {limit.LastDay:yyyy-MM-dd} with no judgment: the case is over its limit until "
            + "the president extends it (CPL arts. 152, 164, 169)",
            x => x.WithTrialLimit(summary with { WarnedFor = limit.LastDay, ReachedFor = limit.LastDay }));
    }
}
