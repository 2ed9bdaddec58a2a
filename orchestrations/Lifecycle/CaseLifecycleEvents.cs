using ECourt.Domain.Cases;

namespace ECourt.Orchestrations.Lifecycle;

/// <summary>
/// The case's orchestration input: the case it keeps deadlines for and, on the first round, the
/// progress the starting command has just written (so the first round need not read it back).
/// </summary>
public sealed record CaseLifecycleInput(string CaseId, CaseProgress? Known = null);

/// <summary>
/// The one event a case's orchestration receives: the case changed in its table (a clerk's decision,
/// corrections, fee aid, a credit booked to its account, a ruling), so read it again. The change is
/// committed before the signal is raised, so a signal raised twice, or lost, changes nothing: the
/// orchestration acts on what the table says.
/// </summary>
public sealed record CaseSignal(int Version, string Action);

/// <summary>What the orchestration needs to know to wait: the state and the next deadline.</summary>
/// <param name="ServiceToStart">registered, and service of the fee notice and the complaint copy not started yet</param>
public sealed record CaseProgress(string CaseId, CaseStatus Status, bool Ended, DeadlineKind? NextDeadlineKind, DateTimeOffset? NextDeadlineAt,
    bool ServiceToStart = false)
{
    public static CaseProgress Of(CourtCase @case)
    {
        var next = CaseDeadlines.Next(@case);
        return new CaseProgress(@case.CaseId, @case.Status, CaseDeadlines.LifecycleEnded(@case), next?.Kind, next?.At, CaseDeadlines.ServiceToStart(@case));
    }
}

/// <summary>A deadline has come: act on it as of <see cref="AsOf"/> (the orchestration's time when its timer fired).</summary>
public sealed record KeepDeadlineInput(string CaseId, DeadlineKind Kind, DateTimeOffset AsOf);

/// <summary>What pollers see as the orchestration's custom status: the state it waits in and the deadline it keeps.</summary>
public sealed record CaseLifecycleStatus(string Status, string? NextDeadline, DateTimeOffset? NextDeadlineAt);
