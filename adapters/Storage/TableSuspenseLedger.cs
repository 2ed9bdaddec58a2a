using Azure;
using Azure.Data.Tables;
using ECourt.Application.Cases;
using ECourt.Application.Payments;
using ECourt.Domain.Payments;

namespace ECourt.Adapters.Storage;

/// <summary>
/// The suspense ledger: one row per credit in partition "item", keyed by bank and transaction id, so the row is its own
/// de-duplication record and a redelivered credit is recorded once; open items are also listed in their court's partition
/// "open|{court}", ordered by arrival, and leave it when their claim completes, so a court's list is one partition's query.
/// A claim changes the item's row only under its ETag, so two claims of one deposit cannot both win.
/// </summary>
/// <remarks>
/// The release before kept one list for every court, in partition "open", and items without their court.
/// <see cref="MoveToCourtListsAsync"/> moves what is left there; until then such an item is still claimed and completed
/// (its completion takes it off the old list).
/// </remarks>
public sealed class TableSuspenseLedger(StorageClients storage) : ISuspenseLedger
{
    private const string ItemPartition = "item";
    private const string BeforeCourtsPartition = "open";

    private static string OpenPartition(string court) => "open|" + court;

    private static string OpenRow(SuspenseEntry e) => $"{e.RecordedAt.UtcTicks:D19}|{e.EntryId}";

    public async Task<bool> RecordAsync(SuspenseEntry entry, CancellationToken ct = default)
    {
        if (entry.Court is null) throw new ArgumentException("A suspense item is recorded with its court.", nameof(entry));
        var row = new TableEntity(ItemPartition, entry.EntryId);
        StoredJson.Write(row, entry);
        try
        {
            await storage.Suspense.AddEntityAsync(row, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already recorded: make sure it is listed (a crash may have come between the two writes). One recorded before
            // courts were kept gets its court first, so that its completion finds it on the court's list.
            var existing = await ChangeAsync(entry.EntryId, e => e.Court is null ? e with { Court = entry.Court } : null, ct);
            if (existing is { Claim: null }) await ListAsync(existing, ct);
            return false;
        }
        await ListAsync(entry, ct);
        return true;
    }

    private Task ListAsync(SuspenseEntry entry, CancellationToken ct) =>
        storage.Suspense.UpsertEntityAsync(new TableEntity(OpenPartition(entry.Court!), OpenRow(entry)) { ["EntryId"] = entry.EntryId },
            TableUpdateMode.Replace, ct);

    private async Task UnlistAsync(string partition, string rowKey, CancellationToken ct)
    {
        try
        {
            await storage.Suspense.DeleteEntityAsync(partition, rowKey, ETag.All, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    public async Task<SuspenseEntry?> GetAsync(string entryId, CancellationToken ct = default) => (await ReadAsync(entryId, ct))?.Entry;

    private async Task<(SuspenseEntry Entry, ETag ETag)?> ReadAsync(string entryId, CancellationToken ct)
    {
        var row = await storage.Suspense.GetEntityIfExistsAsync<TableEntity>(ItemPartition, entryId, cancellationToken: ct);
        return row.HasValue ? (StoredJson.Read<SuspenseEntry>(row.Value!), row.Value!.ETag) : null;
    }

    public async Task<ECourt.Application.Cases.Page<SuspenseEntry>> ListOpenAsync(string court, int pageSize, string? continuationToken,
        CancellationToken ct = default)
    {
        var (rows, next) = await PartitionPages.ReadAsync(storage.Suspense, OpenPartition(court), pageSize, continuationToken, ct);
        var items = await Task.WhenAll(rows.Select(r => GetAsync(r.GetString("EntryId"), ct)));
        // A claim that completed while its item was being moved here leaves its row behind: it goes when it is seen.
        foreach (var claimed in items.OfType<SuspenseEntry>().Where(e => e.Claimed))
            await UnlistAsync(OpenPartition(court), OpenRow(claimed), ct);
        return new ECourt.Application.Cases.Page<SuspenseEntry>(items.OfType<SuspenseEntry>().Where(e => !e.Claimed).ToList(), next);
    }

    public async Task MoveToCourtListsAsync(Func<SuspenseEntry, string> courtOf, CancellationToken ct = default)
    {
        // Each row leaves the old list once it is on its court's list (court written on the item first), so reading from the
        // start again until nothing is left finishes what a crash interrupted.
        while (true)
        {
            var (rows, _) = await PartitionPages.ReadAsync(storage.Suspense, BeforeCourtsPartition, 100, null, ct);
            if (rows.Count == 0) return;
            foreach (var row in rows)
            {
                var entry = await ChangeAsync(row.GetString("EntryId"), e => e.Court is null ? e with { Court = courtOf(e) } : null, ct);
                if (!entry.Claimed) await ListAsync(entry, ct);
                await UnlistAsync(BeforeCourtsPartition, row.RowKey, ct);
            }
        }
    }

    public Task<SuspenseEntry> ReserveAsync(string entryId, SuspenseClaim claim, CancellationToken ct = default) =>
        ChangeAsync(entryId, e => e.Claim switch
        {
            null => e with { Claim = claim with { Completed = false } },
            { } held when held.CaseId == claim.CaseId => null,
            { } held => throw new SuspenseClaimedElsewhereException(entryId, held.CaseId),
        }, ct);

    public Task<SuspenseEntry> ReleaseAsync(string entryId, SuspenseClaim reservation, CancellationToken ct = default) =>
        ChangeAsync(entryId, e => e.Claim is { Completed: false } held && held.CaseId == reservation.CaseId
            && held.Reservation == reservation.Reservation ? e with { Claim = null } : null, ct);

    public async Task<SuspenseEntry> CompleteClaimAsync(string entryId, string caseId, CancellationToken ct = default)
    {
        var done = await ChangeAsync(entryId, e => e.Claim switch
        {
            { } held when held.CaseId != caseId => throw new SuspenseClaimedElsewhereException(entryId, held.CaseId),
            { Completed: false } held => e with { Claim = held with { Completed = true } },
            { Completed: true } => null,
            null => throw new InvalidOperationException($"Suspense item {entryId} was not reserved for case {caseId}."),
        }, ct);
        // Off the open list last: a crash before this leaves a completed item that the list skips and a retry removes.
        await UnlistAsync(done.Court is { } court ? OpenPartition(court) : BeforeCourtsPartition, OpenRow(done), ct);
        return done;
    }

    /// <summary>Rewrites the item under its ETag with what <paramref name="change"/> makes of it (null: nothing to change), deciding again on a conflict.</summary>
    private Task<SuspenseEntry> ChangeAsync(string entryId, Func<SuspenseEntry, SuspenseEntry?> change, CancellationToken ct) =>
        ConflictRetry.RunAsync($"Suspense item {entryId}", async _ =>
        {
            var (entry, etag) = await ReadAsync(entryId, ct) ?? throw new KeyNotFoundException($"No suspense item {entryId}.");
            if (change(entry) is not { } changed) return ConflictRetry.Attempt<SuspenseEntry>.Success(entry);
            var row = new TableEntity(ItemPartition, entryId);
            StoredJson.Write(row, changed);
            try
            {
                await storage.Suspense.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, ct);
                return ConflictRetry.Attempt<SuspenseEntry>.Success(changed);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Another claim changed the item first.
                return ConflictRetry.Attempt<SuspenseEntry>.Lost;
            }
        }, ct);
}
