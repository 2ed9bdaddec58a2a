using ECourt.Domain.Cases;
using ECourt.Domain.Documents;

namespace ECourt.Domain.Ports;

/// <summary>A case as stored, with the version tag that guards the next write.</summary>
public sealed record StoredCase(CourtCase Case, string ETag);

/// <summary>A case with everything kept in its partition.</summary>
public sealed record CaseFile(CourtCase Case, string ETag, IReadOnlyList<CaseEvent> Events, IReadOnlyList<CaseDocument> Documents, IReadOnlyList<LedgerEntry> Ledger);

/// <summary>A credit or payout on the case's account.</summary>
public sealed record LedgerEntry(string EntryId, string Kind, decimal Amount, string BankCode, string BankTransactionId, DateTimeOffset BookedAt, DateTimeOffset RecordedAt);

/// <summary>
/// Where cases live: one partition per case holding the snapshot, its events, documents and ledger.
/// Every change writes the snapshot and its events in one transaction guarded by the snapshot's ETag.
/// </summary>
public interface ICaseStore
{
    Task<StoredCase?> GetAsync(string caseId, CancellationToken ct = default);

    Task<CaseFile?> GetFileAsync(string caseId, CancellationToken ct = default);

    /// <summary>Creates the case; returns null when a case with that id already exists.</summary>
    Task<StoredCase?> CreateAsync(CourtCase created, IReadOnlyList<CaseEvent> events, CancellationToken ct = default);

    /// <summary>Saves a change; throws <see cref="ConcurrentChangeException"/> when the case changed since <paramref name="etag"/>.</summary>
    Task<StoredCase> SaveAsync(CourtCase changed, IReadOnlyList<CaseEvent> events, string etag, CancellationToken ct = default);

    /// <summary>
    /// Records a document with the case that lists it, in one transaction guarded by the case's ETag.
    /// Returns null when a document with that id is already recorded.
    /// </summary>
    Task<StoredCase?> AddDocumentAsync(CourtCase changed, string etag, CaseDocument document, CancellationToken ct = default);

    Task<CaseDocument?> GetDocumentAsync(string caseId, string documentId, CancellationToken ct = default);

    /// <summary>
    /// Records a credit to the case's account together with the change it makes, in one transaction.
    /// The ledger entry's key is the bank and its transaction id, so a credit already recorded is
    /// not recorded again: then the result is false and nothing changes.
    /// </summary>
    Task<bool> RecordCreditAsync(CourtCase changed, IReadOnlyList<CaseEvent> events, string etag, LedgerEntry entry, CancellationToken ct = default);

    Task<LedgerEntry?> GetLedgerEntryAsync(string caseId, string entryId, CancellationToken ct = default);
}

/// <summary>Someone else changed the case since it was read: read again and retry.</summary>
public sealed class ConcurrentChangeException(string caseId) : Exception($"Case {caseId} changed concurrently.");
