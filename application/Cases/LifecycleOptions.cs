namespace ECourt.Application.Cases;

/// <summary>Settings of the case lifecycle (ECourt:Lifecycle); the retries and stall waits apply to service workflows too.</summary>
public sealed class LifecycleOptions
{
    /// <summary>
    /// How long a lifecycle with no deadline to wait for (fee aid pending, a flag waiting for a judge) waits before it
    /// reads its case again, so that even a signal that was never raised delays it by at most this. Each round ends
    /// with ContinueAsNew, so a short interval costs storage calls, not history.
    /// </summary>
    public TimeSpan RecheckWithoutDeadline { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The first wait before an activity of the lifecycle is tried again (it doubles, up to a minute).</summary>
    public TimeSpan ActivityRetryFirst { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Tries of one activity call before the lifecycle counts a stall (about a minute with the default first wait).</summary>
    public int ActivityRetryAttempts { get; set; } = 6;

    /// <summary>The first wait of a stalled lifecycle before its next round; it doubles with each failed round.</summary>
    public TimeSpan StallBackoffFirst { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait of a stalled lifecycle between rounds.</summary>
    public TimeSpan StallBackoffMax { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the local host sweeps for missing or failed lifecycles (the Functions app's timer: every 5 minutes).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after a deadline's time to keep it the sweep waits for its lifecycle before it restarts a missing one.</summary>
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Rows of the deadline index the sweep reads in one query.</summary>
    public int SweepPageSize { get; set; } = 500;
}
