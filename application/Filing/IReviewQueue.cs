using ECourt.Application.Cases;

namespace ECourt.Application.Filing;

/// <summary>An entry of the review queue: a filing waiting for the clerk, oldest first.</summary>
public sealed record ReviewQueueEntry(string CaseId, DateTimeOffset SubmittedAt);

/// <summary>Each court's review queue, as rows of its own ordered by submission time, so the clerk's queue is one query.</summary>
public interface IReviewQueue
{
    Task EnqueueForReviewAsync(string court, string caseId, DateTimeOffset submittedAt, CancellationToken ct = default);

    Task RemoveFromReviewAsync(string court, string caseId, DateTimeOffset submittedAt, CancellationToken ct = default);

    Task<Page<ReviewQueueEntry>> ListReviewQueueAsync(string court, int pageSize, string? continuationToken,
        CancellationToken ct = default);
}
