using Azure;
using Azure.Data.Tables;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Ports;

namespace ECourt.Adapters.Storage;

/// <summary>
/// One partition per case: the snapshot row ("case"), one row per event ("evt-000001"), per document
/// ("doc-…") and per ledger entry ("led-{bank}:{transaction}"). Changes are one entity-group
/// transaction with an ETag check on the snapshot, so concurrent writers cannot lose an update and a
/// crash leaves either all of a change or none of it.
/// </summary>
public sealed class TableCaseStore(StorageClients storage) : ICaseStore
{
    private const string SnapshotRow = "case";
    private const string EventPrefix = "evt-";
    private const string DocumentPrefix = "doc-";
    private const string LedgerPrefix = "led-";

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
        var documents = new List<CaseDocument>();
        var ledger = new List<LedgerEntry>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == caseId, cancellationToken: ct))
        {
            if (row.RowKey == SnapshotRow) snapshot = new StoredCase(StoredJson.Read<CourtCase>(row), row.ETag.ToString());
            else if (row.RowKey.StartsWith(EventPrefix, StringComparison.Ordinal)) events.Add(StoredJson.Read<CaseEvent>(row));
            else if (row.RowKey.StartsWith(DocumentPrefix, StringComparison.Ordinal)) documents.Add(StoredJson.Read<CaseDocument>(row));
            else if (row.RowKey.StartsWith(LedgerPrefix, StringComparison.Ordinal)) ledger.Add(StoredJson.Read<LedgerEntry>(row));
        }
        return snapshot is null ? null : new CaseFile(snapshot.Case, snapshot.ETag, events,
            documents.OrderBy(d => d.UploadedAt).ToList(), ledger.OrderBy(l => l.RecordedAt).ToList());
    }

    public async Task<StoredCase?> CreateAsync(CourtCase created, IReadOnlyList<CaseEvent> events, CancellationToken ct = default)
    {
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, Snapshot(created)) };
        actions.AddRange(events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, EventRow(created.CaseId, e))));
        try
        {
            var result = await Table.SubmitTransactionAsync(actions, ct);
            return new StoredCase(created, result.Value[0].Headers.ETag?.ToString() ?? throw new InvalidOperationException("No ETag."));
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    public async Task<StoredCase> SaveAsync(CourtCase changed, IReadOnlyList<CaseEvent> events, string etag, CancellationToken ct = default)
    {
        var actions = ChangeActions(changed, events, etag);
        try
        {
            var result = await Table.SubmitTransactionAsync(actions, ct);
            return new StoredCase(changed, result.Value[0].Headers.ETag?.ToString() ?? throw new InvalidOperationException("No ETag."));
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409)
        {
            throw new ConcurrentChangeException(changed.CaseId);
        }
    }

    public async Task<bool> RecordCreditAsync(CourtCase changed, IReadOnlyList<CaseEvent> events, string etag, LedgerEntry entry, CancellationToken ct = default)
    {
        var actions = ChangeActions(changed, events, etag);
        var ledgerRow = new TableEntity(changed.CaseId, LedgerPrefix + entry.EntryId);
        StoredJson.Write(ledgerRow, entry);
        actions.Add(new(TableTransactionActionType.Add, ledgerRow));
        try
        {
            await Table.SubmitTransactionAsync(actions, ct);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex == actions.Count - 1)
        {
            return false;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409)
        {
            throw new ConcurrentChangeException(changed.CaseId);
        }
    }

    public async Task<LedgerEntry?> GetLedgerEntryAsync(string caseId, string entryId, CancellationToken ct = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(caseId, LedgerPrefix + entryId, cancellationToken: ct);
        return row.HasValue ? StoredJson.Read<LedgerEntry>(row.Value!) : null;
    }

    public async Task<StoredCase?> AddDocumentAsync(CourtCase changed, string etag, CaseDocument document, CancellationToken ct = default)
    {
        var row = new TableEntity(changed.CaseId, DocumentPrefix + document.DocumentId);
        StoredJson.Write(row, document);
        try
        {
            var result = await Table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.UpdateReplace, Snapshot(changed), new ETag(etag)),
                new(TableTransactionActionType.Add, row),
            ], ct);
            return new StoredCase(changed, result.Value[0].Headers.ETag?.ToString() ?? throw new InvalidOperationException("No ETag."));
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex == 1)
        {
            return null;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409)
        {
            throw new ConcurrentChangeException(changed.CaseId);
        }
    }

    public async Task<CaseDocument?> GetDocumentAsync(string caseId, string documentId, CancellationToken ct = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(caseId, DocumentPrefix + documentId, cancellationToken: ct);
        return row.HasValue ? StoredJson.Read<CaseDocument>(row.Value!) : null;
    }

    private static List<TableTransactionAction> ChangeActions(CourtCase changed, IReadOnlyList<CaseEvent> events, string etag)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, Snapshot(changed), new ETag(etag)),
        };
        actions.AddRange(events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, EventRow(changed.CaseId, e))));
        return actions;
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
}
