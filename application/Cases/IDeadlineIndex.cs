using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Application.Cases;

/// <summary>A case's next deadline for its lifecycle to keep, as the index holds it: by the court-time instant it is kept.</summary>
public sealed record IndexedDeadline(string CaseId, string Court, string Kind, DateTimeOffset KeepAt)
{
    public static IndexedDeadline? Of(CourtCase c, DateTimeOffset now, DeadlineCalculator deadlines) =>
        CaseDeadlines.NextToKeep(c, now, deadlines) is { KeepAt: { } at } next ? new IndexedDeadline(c.CaseId, c.Court, next.Kind, at)
            : null;
}

/// <summary>
/// The cases whose lifecycle has a deadline to keep, by when: a list across partitions, kept as rows of its own so that the
/// lifecycle sweep finds cases whose deadline passed unkept (their lifecycle missing or failed) without reading every case.
/// </summary>
public interface IDeadlineIndex
{
    Task AddAsync(IndexedDeadline deadline, CancellationToken ct = default);

    Task RemoveAsync(IndexedDeadline deadline, CancellationToken ct = default);

    /// <summary>
    /// Rows whose deadline is kept at or before <paramref name="until"/>, oldest first (by instant, then case), at most
    /// <paramref name="max"/>: of one court's cases only, when <paramref name="court"/> is given; after the row
    /// <paramref name="after"/>, when given, so that a reader pages past rows it leaves where they are.
    /// </summary>
    Task<IReadOnlyList<IndexedDeadline>> DueAsync(DateTimeOffset until, int max, string? court = null, IndexedDeadline? after = null,
        CancellationToken ct = default);
}

/// <summary>
/// Keeps the deadline index with every change of a case, in the order that survives a crash: the row of the new next
/// deadline is written before the change commits, the row of the old one removed after it. A crash in between leaves
/// an extra row, never a missing one; the sweep removes a row that names no deadline the case still has.
/// </summary>
public sealed class DeadlineIndexing(IDeadlineIndex index, DeadlineCalculator deadlines, TimeProvider clock) : ICaseIndexing
{
    public async Task<Func<CancellationToken, Task>?> BeforeCommitAsync(CourtCase before, CourtCase after, CancellationToken ct)
    {
        var (add, remove) = Plan(before, after);
        if (add is not null) await index.AddAsync(add, ct);
        return remove is null ? null : token => index.RemoveAsync(remove, token);
    }

    /// <summary>The rows to write now and the row to remove once the change committed (null: none).</summary>
    public (IndexedDeadline? Add, IndexedDeadline? Remove) Plan(CourtCase before, CourtCase after)
    {
        var now = clock.GetUtcNow();
        var old = IndexedDeadline.Of(before, now, deadlines);
        var next = IndexedDeadline.Of(after, now, deadlines);
        if (old == next) return (null, null);
        // A row is keyed by the case and the instant: one with the same instant is replaced by the write, nothing to remove after.
        return (next, old is not null && (next is null || old.KeepAt != next.KeepAt) ? old : null);
    }
}
