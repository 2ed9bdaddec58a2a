using ECourt.Application.Cases;

namespace ECourt.Integration.Tests;

/// <summary>A case store that passes every call to the real one; tests override the call they make fail, count or interleave.</summary>
internal abstract class DelegatingCaseStore(ICaseStore inner) : ICaseStore
{
    public virtual Task<StoredCase?> GetAsync(string caseId, CancellationToken ct = default) => inner.GetAsync(caseId, ct);

    public virtual Task<CaseFile?> GetFileAsync(string caseId, CancellationToken ct = default) => inner.GetFileAsync(caseId, ct);

    public Task<StoredRow<T>?> GetRowAsync<T>(string caseId, CaseRowKind<T> kind, string id, CancellationToken ct = default)
        where T : class => inner.GetRowAsync(caseId, kind, id, ct);

    public Task<IReadOnlyList<T>> ListRowsAsync<T>(string caseId, CaseRowKind<T> kind, CancellationToken ct = default)
        where T : class => inner.ListRowsAsync(caseId, kind, ct);

    public virtual Task<CommitResult> CommitAsync(CaseChange change, string? snapshotETag, CancellationToken ct = default) =>
        inner.CommitAsync(change, snapshotETag, ct);
}
