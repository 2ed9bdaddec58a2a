namespace ECourt.Domain.Cases;

/// <summary>The deadlines pending on a case, from every module, and what its lifecycle keeps next.</summary>
public static class CaseDeadlines
{
    /// <summary>Every pending deadline, soonest first: what the case view shows.</summary>
    public static IReadOnlyList<PendingDeadline> Pending(CourtCase c, DateTimeOffset now, Calendar.DeadlineCalculator deadlines) =>
        c.Status.IsFinal()
            ? []
            : CaseModules.All.SelectMany(m => m.Pending(c, now, deadlines)).OrderBy(d => d.EndsAt).ThenBy(d => d.Kind,
                StringComparer.Ordinal).ToList();

    /// <summary>The deadline the lifecycle keeps next: the earliest with a time to act.</summary>
    public static PendingDeadline? NextToKeep(CourtCase c, DateTimeOffset now, Calendar.DeadlineCalculator deadlines) =>
        Pending(c, now, deadlines).Where(d => d.KeepAt is not null).MinBy(d => d.KeepAt);

    /// <summary>
    /// True when the case needs no lifecycle: a draft (nothing is kept before submission) or a final case. An open case's
    /// lifecycle never ends, even with nothing to keep now: any stage may give the case a deadline later and signal it, and
    /// a signal raised while the lifecycle decided that nothing was left would otherwise be lost.
    /// </summary>
    public static bool LifecycleEnded(CourtCase c) => c.Status == CaseStatus.Draft || c.Status.IsFinal();
}
