using ECourt.Domain.Cases;

namespace ECourt.Application.Cases;

/// <summary>
/// The one commit path of a case: load it, let the rule decide a <see cref="CaseChange"/>, commit it with the snapshot's
/// ETag, and on a conflict decide again on what is there now (<see cref="ConflictRetry"/>). A caller's If-Match is
/// honoured on every try: if the case is no longer the version the caller saw, the change is refused as stale, even
/// where a retry would have applied it to the newer version. A change that moves the case's next deadline updates the
/// index of deadlines around the commit (<see cref="DeadlineIndexing"/>), so the lifecycle sweep can find it.
/// </summary>
public sealed class CaseChanges(ICaseStore store, DeadlineIndexing? indexing = null)
{
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
            if (ifMatch is not null && ifMatch != "*" && ifMatch != stored.ETag) throw new StaleCaseException(caseId);
            if (decide(stored.Case) is not { } change) return ConflictRetry.Attempt<Applied>.Success(new Applied(stored, false));
            var (indexAdd, indexRemove) = change.Snapshot is { } after && indexing is not null
                ? indexing.Plan(stored.Case, after)
                : (null, null);
            if (indexing is not null) await indexing.AddAsync(indexAdd, ct);
            var result = await store.CommitAsync(change, stored.ETag, ct);
            if (result.Outcome == CommitOutcome.Committed && indexing is not null) await indexing.RemoveAsync(indexRemove, ct);
            return result.Outcome switch
            {
                CommitOutcome.Committed => ConflictRetry.Attempt<Applied>.Success(
                    new Applied(new StoredCase(change.Snapshot ?? stored.Case, result.SnapshotETag ?? stored.ETag), true)),
                CommitOutcome.AlreadyApplied => ConflictRetry.Attempt<Applied>.Success(new Applied(stored, false)),
                _ => ConflictRetry.Attempt<Applied>.Lost,
            };
        }, ct);

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
