using ECourt.Application.Cases;
using ECourt.Domain.Payments;

namespace ECourt.Application.Payments;

public interface IReconciliationStore
{
    /// <summary>
    /// Stores the lines, then the summary that points at them: a crash before the summary leaves the earlier result in place.
    /// </summary>
    Task SaveAsync(ReconciliationReport report, DateTimeOffset reconciledAt, string runId, CancellationToken ct = default);

    Task<ReconciliationSummary?> GetAsync(string bankCode, DateOnly date, CancellationToken ct = default);

    /// <summary>The lines of the summary's run; with <paramref name="mismatchesOnly"/>, those that are not matched.</summary>
    Task<Page<ReconciliationLine>> LinesAsync(ReconciliationSummary summary, bool mismatchesOnly, int pageSize, string? continuationToken,
        CancellationToken ct = default);
}
