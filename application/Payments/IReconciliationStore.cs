using ECourt.Application.Cases;
using ECourt.Domain.Payments;

namespace ECourt.Application.Payments;

/// <summary>
/// Reconciliations of a bank's day, one run at a time: a run claims the day, writes its lines, then moves the summary
/// to them while it still holds the claim. A crash at any step leaves the earlier result readable; what a crashed run
/// wrote is removed when the next run claims the day.
/// </summary>
public interface IReconciliationStore
{
    /// <summary>
    /// Claims the day for a new run until <paramref name="lapsesAt"/> and removes what earlier runs left behind;
    /// null when another run holds a claim that has not lapsed.
    /// </summary>
    Task<ReconciliationRun?> BeginAsync(string bankCode, DateOnly date, DateTimeOffset now, DateTimeOffset lapsesAt,
        CancellationToken ct = default);

    Task WriteLinesAsync(ReconciliationRun run, IReadOnlyList<ReconciliationLine> lines, CancellationToken ct = default);

    /// <summary>
    /// Makes the run's summary the day's result and releases the claim in one write, then removes the run it replaced;
    /// false when the run's claim lapsed and another run took the day (nothing of this run becomes the result).
    /// </summary>
    Task<bool> CompleteAsync(ReconciliationRun run, ReconciliationSummary summary, CancellationToken ct = default);

    /// <summary>Releases the run's claim after it failed, so the next run need not wait for it to lapse.</summary>
    Task AbandonAsync(ReconciliationRun run, CancellationToken ct = default);

    Task<ReconciliationSummary?> GetAsync(string bankCode, DateOnly date, CancellationToken ct = default);

    /// <summary>The lines of the summary's run; with <paramref name="mismatchesOnly"/>, those that are not matched.</summary>
    Task<Page<ReconciliationLine>> LinesAsync(ReconciliationSummary summary, bool mismatchesOnly, int pageSize, string? continuationToken,
        CancellationToken ct = default);
}

/// <summary>A run that holds the claim on a bank's day; <see cref="Claim"/> is the store's proof of it.</summary>
public sealed record ReconciliationRun(string BankCode, DateOnly Date, string RunId, string? ReplacesRunId, string Claim);
