using Azure.Data.Tables;
using ECourt.Application.Cases;
using ECourt.Application.Payments;
using ECourt.Domain.Payments;

namespace ECourt.Adapters.Storage;

/// <summary>
/// Reconciliations, one partition per bank and day: a summary row naming the current run, and that run's
/// lines keyed mismatches first ("0|") then matches ("1|"), by transaction id. A statement reconciled again
/// writes a new run beside the old one and only then moves the summary to it, so a reader never sees half a run.
/// </summary>
public sealed class TableReconciliationStore(StorageClients storage) : IReconciliationStore
{
    private const string SummaryRow = "summary";

    private static string Partition(string bankCode, DateOnly date) => $"{bankCode}|{date:yyyyMMdd}";

    private static string RunPrefix(string runId) => $"line|{runId}|";

    private static string LineRow(string runId, ReconciliationLine line) =>
        RunPrefix(runId) + (line.Kind == ReconciliationKind.Matched ? "1|" : "0|") + line.BankTransactionId;

    public async Task SaveAsync(ReconciliationReport report, DateTimeOffset reconciledAt, string runId, CancellationToken ct = default)
    {
        var partition = Partition(report.BankCode, report.Date);
        var previous = await GetAsync(report.BankCode, report.Date, ct);
        foreach (var batch in report.Lines.Chunk(100))
        {
            var actions = batch.Select(line =>
            {
                var row = new TableEntity(partition, LineRow(runId, line));
                StoredJson.Write(row, line);
                return new TableTransactionAction(TableTransactionActionType.UpsertReplace, row);
            });
            await storage.Reconciliations.SubmitTransactionAsync(actions, ct);
        }
        var summary = new TableEntity(partition, SummaryRow);
        StoredJson.Write(summary, ReconciliationSummary.Of(report, reconciledAt, runId));
        await storage.Reconciliations.UpsertEntityAsync(summary, TableUpdateMode.Replace, ct);
        if (previous is not null && previous.RunId != runId) await DeleteRunAsync(partition, previous.RunId, ct);
    }

    private async Task DeleteRunAsync(string partition, string runId, CancellationToken ct)
    {
        var prefix = RunPrefix(runId);
        var keys = new List<string>();
        await foreach (var row in storage.Reconciliations.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix + "~"}"), select: ["RowKey"], cancellationToken: ct))
            keys.Add(row.RowKey);
        foreach (var batch in keys.Chunk(100))
            await storage.Reconciliations.SubmitTransactionAsync(
                batch.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, k))), ct);
    }

    public async Task<ReconciliationSummary?> GetAsync(string bankCode, DateOnly date, CancellationToken ct = default)
    {
        var row = await storage.Reconciliations.GetEntityIfExistsAsync<TableEntity>(Partition(bankCode, date), SummaryRow, cancellationToken: ct);
        return row.HasValue ? StoredJson.Read<ReconciliationSummary>(row.Value!) : null;
    }

    public async Task<Page<ReconciliationLine>> LinesAsync(ReconciliationSummary summary, bool mismatchesOnly, int pageSize, string? continuationToken,
        CancellationToken ct = default)
    {
        var prefix = RunPrefix(summary.RunId) + (mismatchesOnly ? "0|" : "");
        var (rows, next) = await PartitionPages.ReadAsync(storage.Reconciliations, Partition(summary.BankCode, summary.Date), prefix, pageSize, continuationToken, ct);
        return new Page<ReconciliationLine>(rows.Select(StoredJson.Read<ReconciliationLine>).ToList(), next);
    }
}
