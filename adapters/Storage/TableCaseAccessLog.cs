using Azure.Data.Tables;
using ECourt.Application.Cases;
using ECourt.Application.Documents;

namespace ECourt.Adapters.Storage;

/// <summary>
/// A case's access log: "access|{caseId}" rows of the case index table, one insert per reading, read oldest first. The key
/// is the court time, then this host's sequence of readings (court time can stand still on a test or local host), then a
/// random part, so two readings at the same instant are both kept.
/// </summary>
public sealed class TableCaseAccessLog(StorageClients storage) : ICaseAccessLog
{
    private static string Partition(string caseId) => "access|" + caseId;

    /// <summary>Orders this host's readings at one court instant (court time can stand still on a test or local host).</summary>
    private static long _sequence;

    public async Task AppendAsync(string caseId, AccessLogEntry entry, CancellationToken ct = default) =>
        await storage.CaseIndex.AddEntityAsync(new TableEntity(Partition(caseId),
            $"{entry.At.UtcTicks:D19}|{Interlocked.Increment(ref _sequence):D19}|{Guid.NewGuid():N}")
        {
            ["At"] = entry.At,
            ["UserId"] = entry.UserId,
            ["Role"] = entry.Role,
            ["What"] = entry.What,
            ["DocumentId"] = entry.DocumentId,
        }, ct);

    public async Task<Page<AccessLogEntry>> ListAsync(string caseId, int pageSize, string? continuationToken,
        CancellationToken ct = default)
    {
        var (rows, next) = await PartitionPages.ReadAsync(storage.CaseIndex, Partition(caseId), pageSize, continuationToken, ct);
        return new Page<AccessLogEntry>(rows.Select(r => new AccessLogEntry(r.GetDateTimeOffset("At")!.Value, r.GetString("UserId") ?? "",
            r.GetString("Role") ?? "", r.GetString("What") ?? "", r.GetString("DocumentId"))).ToList(), next);
    }
}
