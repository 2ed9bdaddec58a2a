using Azure;
using Azure.Data.Tables;
using ECourt.Domain.Ports;
using ECourt.Domain.Service;

namespace ECourt.Adapters.Storage;

/// <summary>
/// Service records as rows "svc-{serviceId}" in their case's partition of the cases table; the message
/// index as rows of partition "msg|{provider}" in the index table, keyed by the provider's message id.
/// </summary>
public sealed class TableServiceStore(StorageClients storage) : IServiceStore
{
    private const string Prefix = "svc-";

    private static TableEntity Row(ServiceRecord record)
    {
        var row = new TableEntity(record.CaseId, Prefix + record.ServiceId);
        StoredJson.Write(row, record);
        return row;
    }

    public async Task<StoredService?> GetAsync(string caseId, string serviceId, CancellationToken ct = default)
    {
        var row = await storage.Cases.GetEntityIfExistsAsync<TableEntity>(caseId, Prefix + serviceId, cancellationToken: ct);
        return row.HasValue ? new StoredService(StoredJson.Read<ServiceRecord>(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<StoredService?> CreateAsync(ServiceRecord record, CancellationToken ct = default)
    {
        try
        {
            var response = await storage.Cases.AddEntityAsync(Row(record), ct);
            return new StoredService(record, response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("No ETag."));
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    public async Task<StoredService> SaveAsync(ServiceRecord record, string etag, CancellationToken ct = default)
    {
        try
        {
            var response = await storage.Cases.UpdateEntityAsync(Row(record), new ETag(etag), TableUpdateMode.Replace, ct);
            return new StoredService(record, response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("No ETag."));
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 409)
        {
            throw new ConcurrentChangeException(record.CaseId);
        }
    }

    public async Task<IReadOnlyList<ServiceRecord>> ListAsync(string caseId, CancellationToken ct = default)
    {
        var records = new List<ServiceRecord>();
        await foreach (var row in storage.Cases.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey ge {Prefix} and RowKey lt {Prefix + "~"}"), cancellationToken: ct))
            records.Add(StoredJson.Read<ServiceRecord>(row));
        return records.OrderBy(r => r.StartedAt).ToList();
    }

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
