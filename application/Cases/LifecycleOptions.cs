namespace ECourt.Application.Cases;

/// <summary>Settings of the case lifecycle (ECourt:Lifecycle).</summary>
public sealed class LifecycleOptions
{
    /// <summary>
    /// How long a lifecycle with no deadline to wait for (fee aid pending, a flag waiting for a judge) waits before it
    /// reads its case again, so that even a signal that was never raised delays it by at most this. Each round ends
    /// with ContinueAsNew, so a short interval costs storage calls, not history.
    /// </summary>
    public TimeSpan RecheckWithoutDeadline { get; set; } = TimeSpan.FromDays(1);
}
