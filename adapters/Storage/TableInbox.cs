using Azure.Data.Tables;
using ECourt.Application.ServiceOfProcess;

namespace ECourt.Adapters.Storage;

/// <summary>Each user's inbox as partition "inbox|{user}" of the index table, newest first by a reversed-time row key.</summary>
public sealed class TableInbox(StorageClients storage) : IInbox
{
    private static string Partition(string userId) => "inbox|" + TableKeys.Encode(userId);

    private const string ListPrefix = "list|";

    private static string Row(InboxItem item) => $"{ListPrefix}{DateTimeOffset.MaxValue.UtcTicks - item.DeliveredAt.UtcTicks:D19}|{item.ItemId}";

    private static string LookupRow(string itemId) => "item|" + itemId;

    public async Task AddAsync(InboxItem item, CancellationToken ct = default)
    {
        var partition = Partition(item.UserId);
        var row = new TableEntity(partition, Row(item));
        StoredJson.Write(row, item);
        var lookup = new TableEntity(partition, LookupRow(item.ItemId)) { ["ListRow"] = row.RowKey };
        try
        {
            await storage.CaseIndex.SubmitTransactionAsync([new(TableTransactionActionType.Add, lookup), new(TableTransactionActionType.Add, row)], ct);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // Already in the inbox.
        }
    }

    public async Task<InboxItem?> GetAsync(string userId, string itemId, CancellationToken ct = default)
    {
        var partition = Partition(userId);
        var lookup = await storage.CaseIndex.GetEntityIfExistsAsync<TableEntity>(partition, LookupRow(itemId), cancellationToken: ct);
        if (!lookup.HasValue) return null;
        var row = await storage.CaseIndex.GetEntityIfExistsAsync<TableEntity>(partition, lookup.Value!.GetString("ListRow"), cancellationToken: ct);
        return row.HasValue ? StoredJson.Read<InboxItem>(row.Value!) : null;
    }

    public async Task<ECourt.Application.Cases.Page<InboxItem>> ListAsync(string userId, int pageSize, string? continuationToken, CancellationToken ct = default)
    {
        var (rows, next) = await PartitionPages.ReadAsync(storage.CaseIndex, Partition(userId), ListPrefix, pageSize, continuationToken, ct);
        return new ECourt.Application.Cases.Page<InboxItem>(rows.Select(StoredJson.Read<InboxItem>).ToList(), next);
    }

    public async Task<InboxItem> MarkReadAsync(InboxItem item, DateTimeOffset at, CancellationToken ct = default)
    {
        if (item.ReadAt is not null) return item;
        var read = item with { ReadAt = at };
        var row = new TableEntity(Partition(item.UserId), Row(read));
        StoredJson.Write(row, read);
        await storage.CaseIndex.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
        return read;
    }
}
