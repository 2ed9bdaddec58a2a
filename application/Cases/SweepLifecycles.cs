using ECourt.Domain.Calendar;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECourt.Application.Cases;

/// <summary>
/// The lifecycle sweep: every case whose deadline should have been kept a while ago (the index of deadlines, by court
/// time) and whose lifecycle is missing or ended gets a new one, which keeps what fell due. An index row that names a
/// deadline its case no longer has (the case moved on, or a crash left it) is removed, and the case's current next
/// deadline indexed. A running lifecycle is left alone: if its rounds fail, it shows as stalled.
/// </summary>
public sealed class SweepLifecycles(IDeadlineIndex index, ICaseStore store, DeadlineCalculator deadlines, TimeProvider clock,
    IOptions<LifecycleOptions> options,
    ILogger<SweepLifecycles> log)
{
    /// <param name="Restarted">cases whose lifecycle was missing or ended and was started again</param>
    /// <param name="Removed">index rows that named a deadline their case no longer had</param>
    public sealed record Result(IReadOnlyList<string> Restarted, int Removed, int Looked);

    public async Task<Result> RunAsync(ILifecycleInstances instances, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var restarted = new List<string>();
        var (removed, looked) = (0, 0);
        // Every due row, page after page: a running lifecycle's row is left where it is (its lifecycle keeps the deadline, or
        // stalls and shows as stalled), and must not hide the rows after it. Rows due past the grace are only those
        // whose lifecycle failed to keep them, so reading them all costs what the failures do.
        IndexedDeadline? after = null;
        IReadOnlyList<IndexedDeadline> due;
        do
        {
            due = await index.DueAsync(now - options.Value.SweepGrace, options.Value.SweepPageSize, after: after, ct: ct);
            looked += due.Count;
            foreach (var row in due)
            {
                var stored = await store.GetAsync(row.CaseId, ct);
                var current = stored is null ? null : IndexedDeadline.Of(stored.Case, now, deadlines);
                if (current is null || current.KeepAt != row.KeepAt)
                {
                    // Stale: write the case's current row (if any) before removing this one, as the commit path does.
                    if (current is not null) await index.AddAsync(current, ct);
                    await index.RemoveAsync(row, ct);
                    removed++;
                    continue;
                }
                if (await instances.StateAsync(row.CaseId, ct) == LifecycleInstanceState.Running) continue;
                log.LogWarning("Case {CaseId}: its {Kind} deadline was due at {KeepAt} and no lifecycle runs; starting one",
                    row.CaseId, row.Kind, row.KeepAt);
                await instances.RestartAsync(row.CaseId, ct);
                restarted.Add(row.CaseId);
            }
            after = due.Count > 0 ? due[^1] : null;
        }
        while (due.Count >= options.Value.SweepPageSize);
        return new Result(restarted, removed, looked);
    }
}
