using ECourt.Domain.Cases;

namespace ECourt.Application.Cases;

/// <summary>
/// The one commit path of a case: load it, let the rule decide a <see cref="CaseChange"/>, commit it with the snapshot's
/// ETag, and on a conflict decide again on what is there now (<see cref="ConflictRetry"/>). A caller's If-Match
/// (<see cref="CaseVersionTag"/>) is honoured on every try: if the case is no longer the version the caller saw, the change is
/// refused as stale, even where a retry would have applied it to the newer version. The lists across cases that follow a
/// case's snapshot (the deadlines its lifecycle keeps, the calendar years its deadlines depend on) are kept around the
/// commit (<see cref="ICaseIndexing"/>).
/// </summary>
public sealed class CaseChanges(ICaseStore store, IEnumerable<ICaseIndexing>? indexings = null)
{
    private readonly IReadOnlyList<ICaseIndexing> _indexings = indexings?.ToList() ?? [];

    /// <param name="Changed">false when the rule had nothing to do, or the change was applied before</param>
    public sealed record Applied(StoredCase Case, bool Changed);

    /// <summary>A change of one row with its own version, and the row before and after it.</summary>
    public sealed record RowChange<T>(StoredRow<T> Before, StoredRow<T> After) where T : class
    {
        public bool Changed => !ReferenceEquals(Before, After);
    }

    /// <summary>
    /// <paramref name="decide"/> returns the change, or null when there is nothing to do in the case's current state.
    /// Returns the case after the change (or as it was).
    /// </summary>
    public async Task<StoredCase> ApplyAsync(string caseId, Func<CourtCase, CaseChange?> decide, CancellationToken ct = default,
        StoredCase? current = null, string? ifMatch = null) =>
        (await ApplyWithOutcomeAsync(caseId, decide, ct, current, ifMatch)).Case;

    public Task<Applied> ApplyWithOutcomeAsync(string caseId, Func<CourtCase, CaseChange?> decide, CancellationToken ct = default,
        StoredCase? current = null, string? ifMatch = null) =>
        ConflictRetry.RunAsync($"Case {caseId}", async attempt =>
        {
            var stored = (attempt == 1 ? current : null) ?? await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId);
            if (!CaseVersionTag.Matches(ifMatch, stored.Case.Version)) throw new StaleCaseException(caseId);
            if (decide(stored.Case) is not { } change) return ConflictRetry.Attempt<Applied>.Success(new Applied(stored, false));
            var afterCommit = new List<Func<CancellationToken, Task>>();
            if (change.Snapshot is { } after)
                foreach (var indexing in _indexings)
                    if (await indexing.BeforeCommitAsync(stored.Case, after, ct) is { } then) afterCommit.Add(then);
            var result = await store.CommitAsync(change, stored.ETag, ct);
            if (result.Outcome == CommitOutcome.Committed)
                foreach (var then in afterCommit) await RemoveStaleAsync(then, ct);
            return result.Outcome switch
            {
                CommitOutcome.Committed => ConflictRetry.Attempt<Applied>.Success(
                    new Applied(new StoredCase(change.Snapshot ?? stored.Case, result.SnapshotETag ?? stored.ETag), true)),
                CommitOutcome.AlreadyApplied => ConflictRetry.Attempt<Applied>.Success(new Applied(stored, false)),
                _ => ConflictRetry.Attempt<Applied>.Lost,
            };
        }, ct);

    /// <summary>
    /// Removes an index row the committed change made stale. The change stands whatever happens here: a row left behind is
    /// one more row its list's reader passes over (and the lifecycle sweep removes), so a failure is not the change's.
    /// </summary>
    private static async Task RemoveStaleAsync(Func<CancellationToken, Task> remove, CancellationToken ct)
    {
        try
        {
            await remove(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Left for the reader and the sweep, as a crash right after the commit would leave it.
        }
    }

    /// <summary>Creates the case with its first events; null when a case with that id exists already.</summary>
    public async Task<StoredCase?> CreateAsync(CourtCase created, IReadOnlyList<CaseEvent> events, CancellationToken ct = default)
    {
        var result = await store.CommitAsync(CaseChange.Of(created, events), null, ct);
        return result.Outcome == CommitOutcome.Committed ? new StoredCase(created, result.SnapshotETag!) : null;
    }

    /// <summary>
    /// Changes one row of the case under its own ETag, deciding again on a conflict; null from <paramref name="change"/> changes nothing.
    /// </summary>
    /// <exception cref="KeyNotFoundException">the row does not exist</exception>
    public Task<RowChange<T>> ChangeRowAsync<T>(string caseId, CaseRowKind<T> kind, string id, Func<T, T?> change,
        CancellationToken ct = default) where T : class =>
        ConflictRetry.RunAsync($"Row {kind.Key(id)} of case {caseId}", async _ =>
        {
            var row = await store.GetRowAsync(caseId, kind, id, ct)
                ?? throw new KeyNotFoundException($"No {kind.Key(id)} in case {caseId}.");
            var changed = change(row.Value);
            if (changed is null || changed.Equals(row.Value))
                return ConflictRetry.Attempt<RowChange<T>>.Success(new RowChange<T>(row, row));
            var result = await store.CommitAsync(CaseChange.OfRow(caseId, CaseRow.Of(kind, id, changed, row.ETag)), null, ct);
            return result.Outcome == CommitOutcome.Committed
                ? ConflictRetry.Attempt<RowChange<T>>.Success(
                    new RowChange<T>(row, new StoredRow<T>(changed, result.RowETags![kind.Key(id)])))
                : ConflictRetry.Attempt<RowChange<T>>.Lost;
        }, ct);

    /// <summary>Writes a row of the case as given, whatever was there (a row no rule decides from, such as a lifecycle's stall).</summary>
    public async Task WriteRowAsync<T>(string caseId, CaseRowKind<T> kind, string id, T value, CancellationToken ct = default)
        where T : class
    {
        var result = await store.CommitAsync(CaseChange.OfRow(caseId, CaseRow.Of(kind, id, value)), null, ct);
        if (result.Outcome != CommitOutcome.Committed) throw new ConcurrentChangeException($"Row {kind.Key(id)} of case {caseId}");
    }

    /// <summary>Deletes a row of the case if it is there; false when there was none.</summary>
    public Task<bool> DeleteRowAsync<T>(string caseId, CaseRowKind<T> kind, string id, CancellationToken ct = default) where T : class =>
        ConflictRetry.RunAsync($"Row {kind.Key(id)} of case {caseId}", async _ =>
        {
            if (await store.GetRowAsync(caseId, kind, id, ct) is null) return ConflictRetry.Attempt<bool>.Success(false);
            var result = await store.CommitAsync(new CaseChange(caseId, null, [], [], []).Deleting(kind.Key(id)), null, ct);
            return result.Outcome == CommitOutcome.Committed ? ConflictRetry.Attempt<bool>.Success(true) : ConflictRetry.Attempt<bool>.Lost;
        }, ct);

    /// <summary>Adds a row once; false when a row with that key exists already.</summary>
    public async Task<bool> InsertRowAsync<T>(string caseId, CaseRowKind<T> kind, string id, T value,
        CancellationToken ct = default) where T : class =>
        (await store.CommitAsync(new CaseChange(caseId, null, [], [CaseRow.Of(kind, id, value)], []), null, ct)).Outcome
            == CommitOutcome.Committed;
}
