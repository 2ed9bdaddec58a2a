using ECourt.Application.Cases;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>A document served into a party's platform inbox.</summary>
public sealed record InboxItem(string ItemId, string UserId, string CaseId, string? CaseNumber, string ServiceId, string DocumentId,
    ServedDocumentKind Kind, string Title, DateTimeOffset DeliveredAt, DateTimeOffset? ReadAt);

/// <summary>Each user's platform inbox, newest first.</summary>
public interface IInbox
{
    /// <summary>Puts the item in the inbox once (a repeat changes nothing).</summary>
    Task AddAsync(InboxItem item, CancellationToken ct = default);

    Task<InboxItem?> GetAsync(string userId, string itemId, CancellationToken ct = default);

    Task<Page<InboxItem>> ListAsync(string userId, int pageSize, string? continuationToken, CancellationToken ct = default);

    /// <summary>Records the first opening (the read receipt) on the item as just read; an item read before keeps its first time.</summary>
    Task<InboxItem> MarkReadAsync(InboxItem item, DateTimeOffset at, CancellationToken ct = default);
}
