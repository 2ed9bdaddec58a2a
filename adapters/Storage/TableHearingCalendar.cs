using Azure;
using Azure.Data.Tables;
using ECourt.Application.Hearings;

namespace ECourt.Adapters.Storage;

/// <summary>
/// The public hearing calendar: "hearings|{court}|{yyyy-MM-dd}" rows of the case index table, one per scheduled hearing, keyed by
/// its start (UTC ticks) and id so a day reads in order with one partition query.
/// </summary>
public sealed class TableHearingCalendar(StorageClients storage) : IHearingCalendar
{
    private static string Partition(string court, DateOnly day) => $"hearings|{court}|{day:yyyy-MM-dd}";

    private static string Row(CalendarHearing h) => $"{h.StartsAt.UtcTicks:D19}|{h.HearingId}";

    public async Task PutAsync(CalendarHearing h, CancellationToken ct = default) =>
        await storage.CaseIndex.UpsertEntityAsync(new TableEntity(Partition(h.Court, h.Day), Row(h))
        {
            ["CaseId"] = h.CaseId,
            ["HearingId"] = h.HearingId,
            ["StartsAt"] = h.StartsAt,
            ["CaseNumber"] = h.CaseNumber,
            ["Cause"] = h.Cause,
            ["Courtroom"] = h.Courtroom,
            ["Online"] = h.Online,
            ["Public"] = h.Public,
            ["Streamed"] = h.Streamed,
        }, TableUpdateMode.Replace, ct);

    public async Task RemoveAsync(CalendarHearing h, CancellationToken ct = default)
    {
        try
        {
            await storage.CaseIndex.DeleteEntityAsync(Partition(h.Court, h.Day), Row(h), ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Removed already.
        }
    }

    public async Task<IReadOnlyList<CalendarHearing>> ListAsync(string court, DateOnly day, int max, CancellationToken ct = default)
    {
        var (rows, _) = await PartitionPages.ReadAsync(storage.CaseIndex, Partition(court, day), max, null, ct);
        return rows.Select(r => new CalendarHearing(court, day, r.GetDateTimeOffset("StartsAt")!.Value, r.GetString("CaseId") ?? "",
            r.GetString("HearingId") ?? "", r.GetString("CaseNumber"), r.GetString("Cause"), r.GetString("Courtroom"),
            r.GetBoolean("Online") ?? false, r.GetBoolean("Public") ?? false, r.GetBoolean("Streamed") ?? false)).ToList();
    }
}
