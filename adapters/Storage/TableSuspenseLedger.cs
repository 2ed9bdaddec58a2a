using Azure;
using Azure.Data.Tables;
using ECourt.Domain.Ports;

namespace ECourt.Adapters.Storage;

/// <summary>
/// The suspense ledger: one row per credit, keyed by bank and transaction id, so the row is its own
/// de-duplication record and a redelivered credit is recorded once.
/// </summary>
public sealed class TableSuspenseLedger(StorageClients storage) : ISuspenseLedger
{
    private const string OpenPartition = "open";

    public async Task<bool> RecordAsync(SuspenseEntry entry, CancellationToken ct = default)
    {
        var row = new TableEntity(OpenPartition, entry.EntryId) { ["AccountNumber"] = entry.Credit.AccountNumber };
        StoredJson.Write(row, entry);
        try
        {
            await storage.Suspense.AddEntityAsync(row, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<SuspenseEntry?> GetAsync(string entryId, CancellationToken ct = default)
    {
        var row = await storage.Suspense.GetEntityIfExistsAsync<TableEntity>(OpenPartition, entryId, cancellationToken: ct);
        return row.HasValue ? StoredJson.Read<SuspenseEntry>(row.Value!) : null;
    }
}
