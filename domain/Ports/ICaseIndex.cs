namespace ECourt.Domain.Ports;

/// <summary>An entry of the review queue: a filing waiting for the clerk, oldest first.</summary>
public sealed record ReviewQueueEntry(string CaseId, DateTimeOffset SubmittedAt);

public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);

/// <summary>
/// Lists that cross case partitions, kept as their own rows so no request scans a table:
/// each user's cases, each court's review queue, and account number → case.
/// </summary>
public interface ICaseIndex
{
    Task AddUserCaseAsync(string userId, string caseId, DateTimeOffset createdAt, CancellationToken ct = default);

    Task<Page<string>> ListUserCasesAsync(string userId, int pageSize, string? continuationToken, CancellationToken ct = default);

    Task EnqueueForReviewAsync(string court, string caseId, DateTimeOffset submittedAt, CancellationToken ct = default);

    Task RemoveFromReviewAsync(string court, string caseId, DateTimeOffset submittedAt, CancellationToken ct = default);

    Task<Page<ReviewQueueEntry>> ListReviewQueueAsync(string court, int pageSize, string? continuationToken, CancellationToken ct = default);

    Task AddAccountAsync(string accountNumber, string caseId, CancellationToken ct = default);

    /// <summary>The case an account belongs to, by one point read.</summary>
    Task<string?> FindCaseByAccountAsync(string accountNumber, CancellationToken ct = default);
}
