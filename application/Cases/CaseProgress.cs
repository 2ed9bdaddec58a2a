using ECourt.Domain.Cases;

namespace ECourt.Application.Cases;

/// <summary>
/// What the case's lifecycle needs to wait: the state, whether anything is left for it, the deadline it keeps next and
/// how long until it by court time (zero when it is due), so the orchestrator waits a duration from its own replay-safe
/// clock and never compares court time itself; and how long to wait when no deadline is pending (absent in progress
/// recorded before it was a setting: the lifecycle then waits a day).
/// </summary>
public sealed record CaseProgress(string CaseId, CaseStatus Status, bool Ended, string? NextDeadline, DateTimeOffset? NextKeepAt,
    TimeSpan? WaitFor)
{
    public TimeSpan? Recheck { get; init; }

    public static CaseProgress Of(CourtCase c, DateTimeOffset now, Domain.Calendar.DeadlineCalculator deadlines)
    {
        var next = CaseDeadlines.NextToKeep(c, now, deadlines);
        var wait = next?.KeepAt is { } at ? (at > now ? at - now : TimeSpan.Zero) : (TimeSpan?)null;
        return new CaseProgress(c.CaseId, c.Status, CaseDeadlines.LifecycleEnded(c), next?.Kind, next?.KeepAt, wait);
    }
}
