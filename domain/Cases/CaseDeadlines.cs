namespace ECourt.Domain.Cases;

/// <summary>The deadlines pending on a case, from every module, and what its lifecycle keeps next.</summary>
public static class CaseDeadlines
{
    /// <summary>Every pending deadline, soonest first: what the case view shows.</summary>
    public static IReadOnlyList<PendingDeadline> Pending(CourtCase c, DateTimeOffset now) =>
        c.Status.IsFinal() ? [] : CaseModules.All.SelectMany(m => m.Pending(c, now)).OrderBy(d => d.EndsAt).ThenBy(d => d.Kind, StringComparer.Ordinal).ToList();

    /// <summary>The deadline the lifecycle keeps next: the earliest with a time to act.</summary>
    public static PendingDeadline? NextToKeep(CourtCase c, DateTimeOffset now) =>
        Pending(c, now).Where(d => d.KeepAt is not null).MinBy(d => d.KeepAt);

    /// <summary>True when nothing is left for the lifecycle: the case is final, or no module keeps a deadline or watches it.</summary>
    public static bool LifecycleEnded(CourtCase c, DateTimeOffset now) =>
        c.Status.IsFinal() || (NextToKeep(c, now) is null && !CaseModules.All.Any(m => m.Watches(c)));
}
