namespace ECourt.Application.Cases;

/// <summary>
/// A case lifecycle that cannot finish its rounds (storage down, a stage's handler failing): since when (court time, as
/// first recorded), how many rounds failed in a row, and the last failure. Kept as a row of the case ("lifecycle") that
/// the case view shows, and as a row of the operators' list, until a round succeeds again. With a
/// <paramref name="ServiceId"/>, the stall is that of the workflow serving one of the case's documents, kept in the
/// operators' list only.
/// </summary>
public sealed record LifecycleStall(string CaseId, string Court, DateTimeOffset Since, int Failures, string? LastError,
    DateTimeOffset LastFailureAt, string? ServiceId = null);

/// <summary>The lifecycle's round failed after its retries: record it (the first failure keeps its time).</summary>
public sealed record LifecycleStallInput(string CaseId, int Failures, string? Error);

/// <summary>The case's rows of the lifecycle stage: its stall, while there is one.</summary>
public static class LifecycleRows
{
    public static readonly CaseRowKind<LifecycleStall> Stall = new("lifecycle");
}

/// <summary>
/// Stalled lifecycles across cases, for operators: a row per stalled case, written and removed with the case's own row,
/// and a row per stalled service workflow.
/// </summary>
public interface ILifecycleStalls
{
    Task NoteAsync(LifecycleStall stall, CancellationToken ct = default);

    Task<LifecycleStall?> GetAsync(string caseId, string? serviceId = null, CancellationToken ct = default);

    Task ClearAsync(string caseId, string? serviceId = null, CancellationToken ct = default);

    Task<IReadOnlyList<LifecycleStall>> ListAsync(string? court, int max, CancellationToken ct = default);
}
