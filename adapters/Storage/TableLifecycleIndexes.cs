using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ECourt.Application.Cases;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Calendar;

namespace ECourt.Adapters.Storage;

/// <summary>
/// The lifecycle's lists across cases, as rows of the case index table: "deadline|{China date}" → the cases whose next
/// deadline is kept that day (row "{instant ticks}|{case}"), read by the sweep as a range of partitions up to today;
/// "stalled" → the cases whose lifecycle rounds fail (row = case id) and the service workflows whose rounds fail (row =
/// "{case}|{service}"); "services-open" → the services whose workflow should run (row "{case}|{service}", with the court
/// time the sweep next looks at it).
/// </summary>
public sealed class TableLifecycleIndexes(StorageClients storage) : IDeadlineIndex, ILifecycleStalls, IOpenServiceIndex
{
    private const string DeadlinePrefix = "deadline|";
    private const string StalledPartition = "stalled";
    private const string OpenServicesPartition = "services-open";

    private static string StallRow(string caseId, string? serviceId) => serviceId is null ? caseId : $"{caseId}|{serviceId}";

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

    public async Task<IReadOnlyList<IndexedDeadline>> DueAsync(DateTimeOffset until, int max, string? court = null,
        IndexedDeadline? after = null, CancellationToken ct = default)
    {
        var last = DeadlinePartition(until);
        // Partitions of the days up to until's, in key order (the day, then the instant and the case), after the row a reader
        // paged to: every row there is due, but those of until's own day after it.
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {DeadlinePrefix} and PartitionKey le {last}");
        if (after is not null)
        {
            var (partition, afterRow) = (DeadlinePartition(after.KeepAt), DeadlineRow(after));
            filter = TableClient.CreateQueryFilter(
                $"(PartitionKey eq {partition} and RowKey gt {afterRow}) or (PartitionKey gt {partition} and PartitionKey le {last})");
        }
        if (court is not null) filter = $"({filter}) and {TableClient.CreateQueryFilter($"Court eq {court}")}";
        var rows = new List<IndexedDeadline>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
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
        var row = new TableEntity(StalledPartition, StallRow(stall.CaseId, stall.ServiceId)) { ["Court"] = stall.Court };
        StoredJson.Write(row, stall);
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
    }

    public async Task<LifecycleStall?> GetAsync(string caseId, string? serviceId = null, CancellationToken ct = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(StalledPartition, StallRow(caseId, serviceId), cancellationToken: ct);
        return row.HasValue ? StoredJson.Read<LifecycleStall>(row.Value!) : null;
    }

    public async Task ClearAsync(string caseId, string? serviceId = null, CancellationToken ct = default) =>
        await Table.DeleteEntityAsync(StalledPartition, StallRow(caseId, serviceId), ETag.All, ct);

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

    private static string OpenServiceRow(string caseId, string serviceId) => $"{caseId}|{serviceId}";

    public async Task SetAsync(OpenService service, CancellationToken ct = default) =>
        await Table.UpsertEntityAsync(new TableEntity(OpenServicesPartition, OpenServiceRow(service.CaseId, service.ServiceId))
        {
            ["CaseId"] = service.CaseId,
            ["ServiceId"] = service.ServiceId,
            ["CheckAt"] = service.CheckAt,
        }, TableUpdateMode.Replace, ct);

    public async Task RemoveAsync(OpenService service, CancellationToken ct = default) =>
        await Table.DeleteEntityAsync(OpenServicesPartition, OpenServiceRow(service.CaseId, service.ServiceId), ETag.All, ct);

    public async Task<IReadOnlyList<OpenService>> DueAsync(DateTimeOffset until, int max, CancellationToken ct = default)
    {
        var rows = new List<OpenService>();
        await foreach (var row in Table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {OpenServicesPartition} and CheckAt le {until}"), cancellationToken: ct))
        {
            rows.Add(new OpenService(row.GetString("CaseId"), row.GetString("ServiceId"), row.GetDateTimeOffset("CheckAt")!.Value));
            if (rows.Count >= max) break;
        }
        return rows;
    }
}
