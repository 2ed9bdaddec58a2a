using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ECourt.Application.Calendar;

namespace ECourt.Adapters.Storage;

/// <summary>
/// The published holiday arrangements, one row per year and scope ("{year}|{scope}" in one partition: a handful a year,
/// read whole by every host), and the calendar index: "calendar|{year}" rows of the case index table, one per case whose
/// pending deadlines depend on that year.
/// </summary>
public sealed class TableCalendarStore(StorageClients storage) : ICalendarStore, ICalendarIndex
{
    private const string Partition = "arrangement";

    private static string Row(int year, CalendarScope scope) => $"{year.ToString("D4", CultureInfo.InvariantCulture)}|{scope}";

    private static string IndexPartition(int year) => "calendar|" + year.ToString("D4", CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<PublishedArrangement>> ListAsync(CancellationToken ct = default)
    {
        var list = new List<PublishedArrangement>();
        await foreach (var row in storage.Calendars.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"),
            cancellationToken: ct))
            list.Add(StoredJson.Read<PublishedArrangement>(row));
        return list;
    }

    public async Task PutAsync(PublishedArrangement arrangement, CancellationToken ct = default)
    {
        var row = new TableEntity(Partition, Row(arrangement.Year, arrangement.Scope));
        StoredJson.Write(row, arrangement);
        await storage.Calendars.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
    }

    public async Task SetAsync(CalendarIndexRow row, CancellationToken ct = default) =>
        await storage.CaseIndex.UpsertEntityAsync(
            new TableEntity(IndexPartition(row.Year), row.CaseId) { ["Provisional"] = row.Provisional }, TableUpdateMode.Replace, ct);

    public async Task RemoveAsync(string caseId, int year, CancellationToken ct = default) =>
        await storage.CaseIndex.DeleteEntityAsync(IndexPartition(year), caseId, ETag.All, ct);

    public async Task<IReadOnlyList<CalendarIndexRow>> ListAsync(int year, bool provisionalOnly, CancellationToken ct = default)
    {
        var filter = provisionalOnly
            ? TableClient.CreateQueryFilter($"PartitionKey eq {IndexPartition(year)} and Provisional eq true")
            : TableClient.CreateQueryFilter($"PartitionKey eq {IndexPartition(year)}");
        var rows = new List<CalendarIndexRow>();
        await foreach (var row in storage.CaseIndex.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            rows.Add(new CalendarIndexRow(row.RowKey, year, row.GetBoolean("Provisional") ?? false));
        return rows;
    }
}
