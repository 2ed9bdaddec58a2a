using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Application.Payments;
using ECourt.Domain.Documents;
using ECourt.Domain.Payments;

namespace ECourt.Testing;

/// <summary>The rows of a case file the tests read most: its documents and its ledger, in the order they were recorded.</summary>
public static class CaseFileRows
{
    extension(CaseFile file)
    {
        public IReadOnlyList<CaseDocument> Documents => file.Rows(DocumentRows.Documents).OrderBy(d => d.UploadedAt).ToList();

        public IReadOnlyList<LedgerEntry> Ledger => file.Rows(LedgerRows.Ledger).OrderBy(l => l.RecordedAt).ToList();
    }
}

/// <summary>A document's row as the tests read it.</summary>
public static class CaseStoreRows
{
    public static async Task<CaseDocument?> GetDocumentAsync(this ICaseStore store, string caseId, string documentId) =>
        (await store.GetRowAsync(caseId, DocumentRows.Documents, documentId))?.Value;
}
