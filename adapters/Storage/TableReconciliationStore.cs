using ETag = Azure.ETag;
using RequestFailedException = Azure.RequestFailedException;
using Response = Azure.Response;
using Azure.Data.Tables;
using ECourt.Application.Cases;
using ECourt.Application.Payments;
using ECourt.Domain.Payments;

namespace ECourt.Adapters.Storage;

/// <summary>
/// Reconciliations, one partition per bank and day: a summary row naming the current run, that run's lines keyed
/// mismatches first ("0|") then matches ("1|") by transaction id, and while a run is under way its claim row. A run
/// writes its lines beside the current ones; one transaction then replaces the summary and deletes the claim under the
/// claim's ETag, so a run whose claim was taken over can never become the result, and a reader never sees half a run.
/// </summary>
public sealed class TableReconciliationStore(StorageClients storage) : IReconciliationStore
{
    private const string SummaryRow = "summary";
    private const string ClaimRow = "claim";
    private const string Lines = "line|";

    private static string Partition(string bankCode, DateOnly date) => $"{bankCode}|{date:yyyyMMdd}";

    private static string RunPrefix(string runId) => $"{Lines}{runId}|";

    private static string LineRow(string runId, ReconciliationLine line) =>
        RunPrefix(runId) + (line.Kind == ReconciliationKind.Matched ? "1|" : "0|") + line.BankTransactionId;

    public async Task<ReconciliationRun?> BeginAsync(string bankCode, DateOnly date, DateTimeOffset now, DateTimeOffset lapsesAt,
        CancellationToken ct = default)
    {
        var partition = Partition(bankCode, date);
        var claim = new TableEntity(partition, ClaimRow) { ["RunId"] = Guid.NewGuid().ToString("N"), ["LapsesAt"] = lapsesAt };
        var held = await storage.Reconciliations.GetEntityIfExistsAsync<TableEntity>(partition, ClaimRow, cancellationToken: ct);
        Response taken;
        try
        {
            if (!held.HasValue) taken = await storage.Reconciliations.AddEntityAsync(claim, ct);
            else if (held.Value!.GetDateTimeOffset("LapsesAt") > now) return null;
            else taken = await storage.Reconciliations.UpdateEntityAsync(claim, held.Value.ETag, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return null; // another run claimed the day, or the lapsed holder finished, between the read and the write: try again
        }
        var run = new ReconciliationRun(bankCode, date, claim.GetString("RunId"), null, taken.Headers.ETag!.Value.ToString());
        try
        {
            var current = await GetAsync(bankCode, date, ct);
            await DeleteLinesAsync(partition, except: current?.RunId, ct);
            return run with { ReplacesRunId = current?.RunId };
        }
        catch
        {
            await AbandonAsync(run, CancellationToken.None);
            throw;
        }
    }

    public async Task WriteLinesAsync(ReconciliationRun run, IReadOnlyList<ReconciliationLine> lines, CancellationToken ct = default)
    {
        var partition = Partition(run.BankCode, run.Date);
        foreach (var batch in lines.Chunk(100))
            await storage.Reconciliations.SubmitTransactionAsync(batch.Select(line =>
            {
                var row = new TableEntity(partition, LineRow(run.RunId, line));
                StoredJson.Write(row, line);
                return new TableTransactionAction(TableTransactionActionType.UpsertReplace, row);
            }), ct);
    }

    public async Task<bool> CompleteAsync(ReconciliationRun run, ReconciliationSummary summary, CancellationToken ct = default)
    {
        var partition = Partition(run.BankCode, run.Date);
        var row = new TableEntity(partition, SummaryRow);
        StoredJson.Write(row, summary);
        try
        {
            await storage.Reconciliations.SubmitTransactionAsync([
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, ClaimRow), new ETag(run.Claim)),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, row),
            ], ct);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
        {
            // A retried transaction that had committed finds its claim gone: the result is this run's after all.
            if (ex.Status == 404 && (await GetAsync(run.BankCode, run.Date, ct))?.RunId == run.RunId) return true;
            // This run can never become the result: its lines go now.
            await DeleteRunAsync(partition, run.RunId, ct);
            return false;
        }
        // A crash here leaves the replaced run's lines for the next run's claim to remove.
        if (run.ReplacesRunId is { } replaced) await DeleteRunAsync(partition, replaced, ct);
        return true;
    }

    /// <summary>Every line row of the partition but those of run <paramref name="except"/>: the key ranges either side of it.</summary>
    private async Task DeleteLinesAsync(string partition, string? except, CancellationToken ct)
    {
        if (except is null)
        {
            await DeleteRangeAsync(partition, Lines, Lines + "~", ct);
            return;
        }
        await DeleteRangeAsync(partition, Lines, RunPrefix(except), ct);
        await DeleteRangeAsync(partition, RunPrefix(except) + "~", Lines + "~", ct);
    }

    private Task DeleteRunAsync(string partition, string runId, CancellationToken ct) =>
        DeleteRangeAsync(partition, RunPrefix(runId), RunPrefix(runId) + "~", ct);

    private async Task DeleteRangeAsync(string partition, string from, string before, CancellationToken ct)
    {
        var keys = new List<string>();
        await foreach (var row in storage.Reconciliations.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {before}"), select: ["RowKey"],
            cancellationToken: ct))
            keys.Add(row.RowKey);
        foreach (var batch in keys.Chunk(100))
        {
            try
            {
                await storage.Reconciliations.SubmitTransactionAsync(
                    batch.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, k))), ct);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                // The run that replaced these lines removes them too, and a claim removes leftovers: a row already gone is fine.
                foreach (var key in batch) await storage.Reconciliations.DeleteEntityAsync(partition, key, ETag.All, ct);
            }
        }
    }

    public async Task AbandonAsync(ReconciliationRun run, CancellationToken ct = default)
    {
        var partition = Partition(run.BankCode, run.Date);
        // Its lines first, while it still holds the day (no run can take them for its own); a delete of a row gone is no error.
        await DeleteRunAsync(partition, run.RunId, ct);
        try
        {
            await storage.Reconciliations.DeleteEntityAsync(partition, ClaimRow, new ETag(run.Claim), ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // The claim lapsed and another run holds the day: nothing of this run's to release.
        }
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
