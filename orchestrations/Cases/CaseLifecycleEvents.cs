using ECourt.Application.Cases;

namespace ECourt.Orchestrations.Cases;

/// <summary>
/// The case's orchestration input: the case it keeps deadlines for; on the first round, the progress the starting
/// command has just written (so the first round need not read it back); the version of the lifecycle's logic the
/// instance runs (absent in instances started before versions were carried: version 1); how it retries and backs off
/// (absent: the defaults); and, while its rounds fail, its stall.
/// </summary>
public sealed record CaseLifecycleInput(string CaseId, CaseProgress? Known = null, int? LogicVersion = null, LifecycleTiming? Timing = null,
    LifecycleRoundFailures? Failures = null);

/// <summary>
/// How the lifecycle retries an activity and waits out a stall, from the settings (ECourt:Lifecycle) when it was started,
/// carried from round to round in its input: an orchestrator reads no settings (they could differ at replay).
/// </summary>
public sealed record LifecycleTiming(TimeSpan RetryFirst, int RetryAttempts, TimeSpan BackoffFirst, TimeSpan BackoffMax)
{
    public static LifecycleTiming Default { get; } = From(new LifecycleOptions());

    public static LifecycleTiming From(LifecycleOptions o) =>
        new(o.ActivityRetryFirst, Math.Max(1, o.ActivityRetryAttempts), o.StallBackoffFirst, o.StallBackoffMax);

    /// <summary>The wait after the <paramref name="failures"/>th failed round in a row: doubling from the first, at most the max.</summary>
    public TimeSpan Backoff(int failures)
    {
        var wait = BackoffFirst;
        for (var i = 1; i < failures && wait < BackoffMax; i++) wait += wait;
        return wait < BackoffMax ? wait : BackoffMax;
    }
}

/// <summary>Rounds of the lifecycle that failed in a row (after each activity's own retries).</summary>
public sealed record LifecycleRoundFailures(int Count);

/// <summary>
/// The one event a case's orchestration receives: the case changed in its table (a clerk's decision, corrections, fee
/// aid, a credit booked to its account, a ruling, court time moved), so read it again. The change is committed before
/// the signal is raised, so a signal raised twice, or lost, changes nothing: the orchestration acts on what the table says.
/// </summary>
public sealed record CaseSignal(int Version, string Action);

/// <summary>A deadline of the given kind has come: its stage's handler keeps it as of court time.</summary>
public sealed record KeepDeadlineInput(string CaseId, string Kind);

/// <summary>
/// What pollers see as the orchestration's custom status: the state it waits in and the deadline it keeps next (court
/// time), or that its rounds fail and how many in a row.
/// </summary>
public sealed record CaseLifecycleStatus(string Status, string? NextDeadline, DateTimeOffset? NextDeadlineAt, int FailedRounds = 0);
