using Azure;
using Azure.Data.Tables;
using ECourt.Domain.Ports;

namespace ECourt.Adapters.Storage;

/// <summary>
/// The suspense ledger: one row per credit in partition "item", keyed by bank and transaction id, so
/// the row is its own de-duplication record and a redelivered credit is recorded once; open items
/// are also listed in partition "open", ordered by arrival, and leave it when claimed.
/// </summary>
public sealed class TableSuspenseLedger(StorageClients storage) : ISuspenseLedger
{
    private const string ItemPartition = "item";
    private const string OpenPartition = "open";

    private static string OpenRow(SuspenseEntry e) => $"{e.RecordedAt.UtcTicks:D19}|{e.EntryId}";

    public async Task<bool> RecordAsync(SuspenseEntry entry, CancellationToken ct = default)
    {
        var row = new TableEntity(ItemPartition, entry.EntryId);
        StoredJson.Write(row, entry);
        try
        {
            await storage.Suspense.AddEntityAsync(row, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already recorded: make sure it is listed (a crash may have come between the two writes).
            var existing = await GetAsync(entry.EntryId, ct);
            if (existing is { Claim: null }) await ListAsync(existing, ct);
            return false;
        }
        await ListAsync(entry, ct);
        return true;
    }

    private Task ListAsync(SuspenseEntry entry, CancellationToken ct) =>
        storage.Suspense.UpsertEntityAsync(new TableEntity(OpenPartition, OpenRow(entry)) { ["EntryId"] = entry.EntryId }, TableUpdateMode.Replace, ct);

    public async Task<SuspenseEntry?> GetAsync(string entryId, CancellationToken ct = default)
    {
        var row = await storage.Suspense.GetEntityIfExistsAsync<TableEntity>(ItemPartition, entryId, cancellationToken: ct);
        return row.HasValue ? StoredJson.Read<SuspenseEntry>(row.Value!) : null;
    }

    public async Task<ECourt.Domain.Ports.Page<SuspenseEntry>> ListOpenAsync(int pageSize, string? continuationToken, CancellationToken ct = default)
    {
        var (rows, next) = await PartitionPages.ReadAsync(storage.Suspense, OpenPartition, pageSize, continuationToken, ct);
        var items = await Task.WhenAll(rows.Select(r => GetAsync(r.GetString("EntryId"), ct)));
        return new ECourt.Domain.Ports.Page<SuspenseEntry>(items.OfType<SuspenseEntry>().Where(e => e.Claim is null).ToList(), next);
    }

    public async Task<bool> MarkClaimedAsync(string entryId, SuspenseClaim claim, CancellationToken ct = default)
    {
        var row = await storage.Suspense.GetEntityIfExistsAsync<TableEntity>(ItemPartition, entryId, cancellationToken: ct);
        if (!row.HasValue) throw new KeyNotFoundException($"No suspense item {entryId}.");
        var entry = StoredJson.Read<SuspenseEntry>(row.Value!);
        if (entry.Claim is { } earlier)
        {
            if (earlier.CaseId != claim.CaseId)
                throw new Domain.DomainRuleException("suspense-already-claimed", $"The item was already claimed to case {earlier.CaseId}.");
            await storage.Suspense.DeleteEntityAsync(OpenPartition, OpenRow(entry), cancellationToken: ct);
            return false;
        }
        var claimed = new TableEntity(ItemPartition, entryId);
        StoredJson.Write(claimed, entry with { Claim = claim });
        try
        {
            await storage.Suspense.UpdateEntityAsync(claimed, row.Value!.ETag, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return await MarkClaimedAsync(entryId, claim, ct);
        }
        await storage.Suspense.DeleteEntityAsync(OpenPartition, OpenRow(entry), cancellationToken: ct);
        return true;
    }
}
