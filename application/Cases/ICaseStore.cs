using ECourt.Domain.Cases;

namespace ECourt.Application.Cases;

/// <summary>A case as stored, with the version tag that guards the next write.</summary>
public sealed record StoredCase(CourtCase Case, string ETag);

/// <summary>A case with everything kept in its partition: events in order, and each stage's rows by kind.</summary>
public sealed class CaseFile(CourtCase snapshot, string etag, IReadOnlyList<CaseEvent> events,
    Func<string, Type, IReadOnlyList<object>> rows)
{
    public CourtCase Case { get; } = snapshot;
    public string ETag { get; } = etag;
    public IReadOnlyList<CaseEvent> Events { get; } = events;

    public IReadOnlyList<T> Rows<T>(CaseRowKind<T> kind) where T : class => rows(kind.Prefix, typeof(T)).Cast<T>().ToList();
}

/// <summary>
/// Where cases live: one partition per case holding the snapshot, its events and the stages' rows. Every change
/// goes through <see cref="CommitAsync"/>, one transaction guarded by the snapshot's ETag (and by a written row's own).
/// Use it through <see cref="CaseChanges"/>, which decides again on a conflict.
/// </summary>
public interface ICaseStore
{
    Task<StoredCase?> GetAsync(string caseId, CancellationToken ct = default);

    /// <summary>The whole partition, in one query.</summary>
    Task<CaseFile?> GetFileAsync(string caseId, CancellationToken ct = default);

    Task<StoredRow<T>?> GetRowAsync<T>(string caseId, CaseRowKind<T> kind, string id, CancellationToken ct = default) where T : class;

    Task<IReadOnlyList<T>> ListRowsAsync<T>(string caseId, CaseRowKind<T> kind, CancellationToken ct = default) where T : class;

    /// <summary>
    /// Commits the change in one transaction: the snapshot replaced under <paramref name="snapshotETag"/> (null: the case
    /// is created), its events and the rows to insert once added, the rows to write written (under their own ETag when
    /// they carry one). Answers committed, already applied, or conflict; it never half-applies.
    /// </summary>
    Task<CommitResult> CommitAsync(CaseChange change, string? snapshotETag, CancellationToken ct = default);
}
