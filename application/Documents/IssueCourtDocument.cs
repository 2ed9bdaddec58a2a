using System.Security.Cryptography;
using ECourt.Application.Cases;
using ECourt.Domain.Documents;

namespace ECourt.Application.Documents;

/// <summary>
/// A document the court issues in a case (the fee notice, the decision on fee aid): its blob, then its row beside the case and
/// its place in the case's list, once. An earlier try's bytes are reused, so however often it runs the document is the same.
/// </summary>
public sealed class IssueCourtDocument(ICaseStore store, IDocumentStore documents, CaseChanges changes)
{
    /// <summary>The document, and the case after listing it (as given, if it was listed before), to go on from without a read.</summary>
    public sealed record Issued(CaseDocument Document, StoredCase Case);

    public async Task<Issued> RunAsync(StoredCase stored, string documentId, DocumentKind kind, string fileName, string contentType,
        Func<byte[]> render, DateTimeOffset now, CancellationToken ct)
    {
        var caseId = stored.Case.CaseId;
        if (await store.GetRowAsync(caseId, DocumentRows.Documents, documentId, ct) is { } existing)
            return new Issued(existing.Value, stored);
        var bytes = await documents.GetAsync(caseId, documentId, ct) ?? render();
        // The same bytes however often written: an earlier try's blob is reused above, a concurrent one is identical.
        var sha256 = await documents.PutAsync(caseId, documentId, bytes, contentType, Convert.ToHexStringLower(SHA256.HashData(bytes)), ct);
        var document = new CaseDocument(documentId, kind, fileName, contentType, bytes.Length, sha256, "system", now);
        var listed = await changes.ApplyAsync(caseId,
            x => CaseChange.Of(x.WithDocument(document), []).Inserting(CaseRow.Of(DocumentRows.Documents, documentId, document)),
            ct, stored);
        return new Issued(document, listed);
    }
}
