using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ECourt.Application.Cases;
using ECourt.Domain.Calendar;

namespace ECourt.Adapters.Storage;

/// <summary>
/// The lifecycle's lists across cases, as rows of the case index table: "deadline|{China date}" → the cases whose next
/// deadline is kept that day (row "{instant ticks}|{case}"), read by the sweep as a range of partitions up to today;
/// "stalled" → the cases whose lifecycle rounds fail (row = case id).
/// </summary>
public sealed class TableLifecycleIndexes(StorageClients storage) : IDeadlineIndex, ILifecycleStalls
{
    private const string DeadlinePrefix = "deadline|";
    private const string StalledPartition = "stalled";

    private TableClient Table => storage.CaseIndex;

    private static string DeadlinePartition(DateTimeOffset keepAt) =>
        DeadlinePrefix + ChinaTime.DateOf(keepAt).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string DeadlineRow(IndexedDeadline d) => $"{d.KeepAt.UtcTicks:D19}|{d.CaseId}";

    public async Task AddAsync(IndexedDeadline deadline, CancellationToken ct = default) =>
        await Table.UpsertEntityAsync(new TableEntity(DeadlinePartition(deadline.KeepAt), DeadlineRow(deadline))
        {
            ["CaseId"] = deadline.CaseId,
            ["Court"] = deadline.Court,
            ["Kind"] = deadline.Kind,
            ["KeepAt"] = deadline.KeepAt,
        }, TableUpdateMode.Replace, ct);

    public async Task RemoveAsync(IndexedDeadline deadline, CancellationToken ct = default) =>
        await Table.DeleteEntityAsync(DeadlinePartition(deadline.KeepAt), DeadlineRow(deadline), ETag.All, ct);

    public async Task<IReadOnlyList<IndexedDeadline>> DueAsync(DateTimeOffset until, int max, CancellationToken ct = default)
    {
        var last = DeadlinePartition(until);
        var rows = new List<IndexedDeadline>();
        // Partitions of the days up to until's, oldest first: every row there is due, but those of until's own day after it.
        await foreach (var row in Table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey ge {DeadlinePrefix} and PartitionKey le {last}"), cancellationToken: ct))
        {
            var keepAt = row.GetDateTimeOffset("KeepAt")!.Value;
            if (keepAt > until) continue;
            rows.Add(new IndexedDeadline(row.GetString("CaseId"), row.GetString("Court"), row.GetString("Kind"), keepAt));
            if (rows.Count >= max) break;
        }
        return rows;
    }

    public async Task NoteAsync(LifecycleStall stall, CancellationToken ct = default)
    {
        var row = new TableEntity(StalledPartition, stall.CaseId) { ["Court"] = stall.Court };
        StoredJson.Write(row, stall);
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
    }

    public async Task ClearAsync(string caseId, CancellationToken ct = default) =>
        await Table.DeleteEntityAsync(StalledPartition, caseId, ETag.All, ct);

    public async Task<IReadOnlyList<LifecycleStall>> ListAsync(string? court, int max, CancellationToken ct = default)
    {
        var filter = court is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {StalledPartition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {StalledPartition} and Court eq {court}");
        var list = new List<LifecycleStall>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            list.Add(StoredJson.Read<LifecycleStall>(row));
            if (list.Count >= max) break;
        }
        return list;
    }
}
