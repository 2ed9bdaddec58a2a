using ECourt.Application.Cases;
using ECourt.Application.Payments;
using ECourt.Domain.Payments;

namespace ECourt.Integration.Tests;

/// <summary>A suspense ledger that passes every call to the real one; tests override the call they make fail or interleave.</summary>
internal abstract class DelegatingSuspenseLedger(ISuspenseLedger inner) : ISuspenseLedger
{
    public virtual Task<bool> RecordAsync(SuspenseEntry entry, CancellationToken ct = default) => inner.RecordAsync(entry, ct);

    public virtual Task<SuspenseEntry?> GetAsync(string entryId, CancellationToken ct = default) => inner.GetAsync(entryId, ct);

    public Task<Page<SuspenseEntry>> ListOpenAsync(string court, int pageSize, string? continuationToken, CancellationToken ct = default) =>
        inner.ListOpenAsync(court, pageSize, continuationToken, ct);

    public Task MoveToCourtListsAsync(Func<SuspenseEntry, string> courtOf, CancellationToken ct = default) =>
        inner.MoveToCourtListsAsync(courtOf, ct);

    public virtual Task<SuspenseEntry> ReserveAsync(string entryId, SuspenseClaim claim, CancellationToken ct = default) =>
        inner.ReserveAsync(entryId, claim, ct);

    public virtual Task<SuspenseEntry> ReleaseAsync(string entryId, SuspenseClaim reservation, CancellationToken ct = default) =>
        inner.ReleaseAsync(entryId, reservation, ct);

    public virtual Task<SuspenseEntry> CompleteClaimAsync(string entryId, string caseId, CancellationToken ct = default) =>
        inner.CompleteClaimAsync(entryId, caseId, ct);
}
