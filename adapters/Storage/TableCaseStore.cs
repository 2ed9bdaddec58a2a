using Azure;
using Azure.Data.Tables;
using ECourt.Application.Cases;
using ECourt.Domain.Cases;

namespace ECourt.Adapters.Storage;

/// <summary>
/// One partition per case: the snapshot row ("case"), one row per event ("evt-000001"), and each stage's rows under
/// its prefix ("doc-…", "led-{bank}:{transaction}", "svc-…"). A change is one entity-group transaction with an ETag
/// check on the snapshot (and on a written row with its own version), so concurrent writers cannot lose an update and
/// a crash leaves either all of a change or none of it.
/// </summary>
public sealed class TableCaseStore(StorageClients storage) : ICaseStore
{
    private const string SnapshotRow = "case";
    private const string EventPrefix = "evt-";

    private TableClient Table => storage.Cases;

    public async Task<StoredCase?> GetAsync(string caseId, CancellationToken ct = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(caseId, SnapshotRow, cancellationToken: ct);
        return row.HasValue ? new StoredCase(StoredJson.Read<CourtCase>(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<CaseFile?> GetFileAsync(string caseId, CancellationToken ct = default)
    {
        StoredCase? snapshot = null;
        var events = new List<CaseEvent>();
        var rows = new List<TableEntity>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == caseId, cancellationToken: ct))
        {
            if (row.RowKey == SnapshotRow) snapshot = new StoredCase(StoredJson.Read<CourtCase>(row), row.ETag.ToString());
            else if (row.RowKey.StartsWith(EventPrefix, StringComparison.Ordinal)) events.Add(StoredJson.Read<CaseEvent>(row));
            else rows.Add(row);
        }
        return snapshot is null ? null : new CaseFile(snapshot.Case, snapshot.ETag, events.OrderBy(e => e.Sequence).ToList(),
            (prefix, type) => rows.Where(r => r.RowKey.StartsWith(prefix, StringComparison.Ordinal)).Select(r => StoredJson.Read(r, type)).ToList());
    }

    public async Task<StoredRow<T>?> GetRowAsync<T>(string caseId, CaseRowKind<T> kind, string id, CancellationToken ct = default) where T : class
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(caseId, kind.Key(id), cancellationToken: ct);
        return row.HasValue ? new StoredRow<T>(StoredJson.Read<T>(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<IReadOnlyList<T>> ListRowsAsync<T>(string caseId, CaseRowKind<T> kind, CancellationToken ct = default) where T : class
    {
        var list = new List<T>();
        await foreach (var row in Table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey ge {kind.Prefix} and RowKey lt {kind.Prefix + "~"}"), cancellationToken: ct))
            list.Add(StoredJson.Read<T>(row));
        return list;
    }

    public async Task<CommitResult> CommitAsync(CaseChange change, string? snapshotETag, CancellationToken ct = default)
    {
        var actions = new List<TableTransactionAction>();
        var insertOnce = new HashSet<int>();
        var written = new List<(int Index, string Key)>();
        if (change.Snapshot is { } snapshot)
        {
            // Creating the case is inserting its snapshot once: a case that exists means the create was made before.
            if (snapshotETag is null) insertOnce.Add(actions.Count);
            actions.Add(snapshotETag is null
                ? new TableTransactionAction(TableTransactionActionType.Add, Snapshot(snapshot))
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, Snapshot(snapshot), new ETag(snapshotETag)));
        }
        actions.AddRange(change.Events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, EventRow(change.CaseId, e))));
        foreach (var row in change.InsertOnce)
        {
            insertOnce.Add(actions.Count);
            written.Add((actions.Count, row.Key));
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, Row(change.CaseId, row)));
        }
        foreach (var row in change.Upserts)
        {
            written.Add((actions.Count, row.Key));
            actions.Add(row.ETag is null
                ? new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(change.CaseId, row))
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, Row(change.CaseId, row), new ETag(row.ETag)));
        }
        actions.AddRange(change.Deletes.Select(key =>
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(change.CaseId, key), ETag.All)));
        // Each row was checked as it was written (StoredJson); the transaction as a whole has its own limit, which the
        // emulator does not enforce: checked here, so that what works locally works in Azure.
        var transaction = TableEntitySize.OfTransaction(actions.Select(a => (TableEntity)a.Entity));
        if (transaction > TableEntitySize.MaxTransactionBytes)
            throw new RecordTooLargeException($"{change.CaseId} (one change)", transaction, TableEntitySize.MaxTransactionBytes);
        try
        {
            var result = await Table.SubmitTransactionAsync(actions, ct);
            return new CommitResult(CommitOutcome.Committed,
                change.Snapshot is null ? null : result.Value[0].Headers.ETag?.ToString() ?? throw new InvalidOperationException("No ETag."),
                written.ToDictionary(w => w.Key, w => result.Value[w.Index].Headers.ETag?.ToString() ?? ""));
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex is { } index && insertOnce.Contains(index))
        {
            return CommitResult.AlreadyApplied;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409 or 404)
        {
            // 412: the snapshot or a row changed since its ETag; 409: an event of that version was written; 404: a row with an ETag is gone.
            return CommitResult.Conflict;
        }
    }

    private static TableEntity Snapshot(CourtCase c)
    {
        var row = new TableEntity(c.CaseId, SnapshotRow)
        {
            ["Status"] = c.Status.ToString(),
            ["Court"] = c.Court,
            ["Version"] = c.Version,
        };
        StoredJson.Write(row, c);
        return row;
    }

    private static TableEntity EventRow(string caseId, CaseEvent e)
    {
        var row = new TableEntity(caseId, $"{EventPrefix}{e.Sequence:D6}");
        StoredJson.Write(row, e);
        return row;
    }

    private static TableEntity Row(string caseId, CaseRow row)
    {
        var entity = new TableEntity(caseId, row.Key);
        StoredJson.Write(entity, row.Value, row.Type);
        return entity;
    }
}
