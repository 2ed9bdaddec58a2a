using Azure.Data.Tables;
using ECourt.Application.ServiceOfProcess;

namespace ECourt.Adapters.Storage;

/// <summary>
/// The message index as rows of partition "msg|{provider}" in the index table, keyed by the provider's message id;
/// delivery reports no service sent in partition "unmatched-report|{channel}".
/// </summary>
public sealed class TableServiceMessageIndex(StorageClients storage) : IServiceMessageIndex
{
    private static string MessagePartition(string provider) => "msg|" + provider;

    public Task IndexMessageAsync(string provider, string messageId, ServiceMessage target, CancellationToken ct = default) =>
        storage.CaseIndex.UpsertEntityAsync(new TableEntity(MessagePartition(provider), TableKeys.Encode(messageId))
        {
            ["CaseId"] = target.CaseId,
            ["ServiceId"] = target.ServiceId,
            ["Step"] = target.Step,
        }, TableUpdateMode.Replace, ct);

    private static string UnmatchedPartition(string channel) => "unmatched-report|" + channel;

    public async Task RecordUnmatchedReportAsync(UnmatchedReport report, CancellationToken ct = default)
    {
        var row = new TableEntity(UnmatchedPartition(report.Channel), TableKeys.Encode(report.MessageId) + "|" + report.ReportedAt.UtcTicks.ToString("D19"));
        StoredJson.Write(row, report);
        await storage.CaseIndex.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
    }

    public async Task<IReadOnlyList<UnmatchedReport>> UnmatchedReportsAsync(string channel, CancellationToken ct = default)
    {
        var (rows, _) = await PartitionPages.ReadAsync(storage.CaseIndex, UnmatchedPartition(channel), 100, null, ct);
        return rows.Select(StoredJson.Read<UnmatchedReport>).ToList();
    }

    public async Task<ServiceMessage?> FindByMessageAsync(string provider, string messageId, CancellationToken ct = default)
    {
        var row = await storage.CaseIndex.GetEntityIfExistsAsync<TableEntity>(MessagePartition(provider), TableKeys.Encode(messageId), cancellationToken: ct);
        return row.HasValue ? new ServiceMessage(row.Value!.GetString("CaseId"), row.Value.GetString("ServiceId"), row.Value.GetInt32("Step") ?? 0) : null;
    }
}
