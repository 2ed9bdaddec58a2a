using Azure;
using ECourt.Domain.Ports;

namespace ECourt.Integration.Tests;

/// <summary>An account index whose storage fails the first <paramref name="failures"/> calls.</summary>
internal sealed class FailingIndex(ICaseIndex inner, int failures) : ICaseIndex
{
    private int _failures = failures;
    private void MaybeFail() { if (Interlocked.Decrement(ref _failures) >= 0) throw new RequestFailedException(503, "Storage unavailable"); }
    public Task<string?> FindCaseByAccountAsync(string accountNumber, CancellationToken ct = default) { MaybeFail(); return inner.FindCaseByAccountAsync(accountNumber, ct); }
    public Task AddUserCaseAsync(string userId, string caseId, DateTimeOffset createdAt, CancellationToken ct = default) => inner.AddUserCaseAsync(userId, caseId, createdAt, ct);
    public Task<ECourt.Domain.Ports.Page<string>> ListUserCasesAsync(string userId, int pageSize, string? token, CancellationToken ct = default) => inner.ListUserCasesAsync(userId, pageSize, token, ct);
    public Task EnqueueForReviewAsync(string court, string caseId, DateTimeOffset at, CancellationToken ct = default) => inner.EnqueueForReviewAsync(court, caseId, at, ct);
    public Task RemoveFromReviewAsync(string court, string caseId, DateTimeOffset at, CancellationToken ct = default) => inner.RemoveFromReviewAsync(court, caseId, at, ct);
    public Task<ECourt.Domain.Ports.Page<ReviewQueueEntry>> ListReviewQueueAsync(string court, int pageSize, string? token, CancellationToken ct = default) => inner.ListReviewQueueAsync(court, pageSize, token, ct);
    public Task AddAccountAsync(string accountNumber, string caseId, CancellationToken ct = default) => inner.AddAccountAsync(accountNumber, caseId, ct);
}
