using System.Security.Cryptography;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Courts;
using ECourt.Domain.Documents;
using ECourt.Domain.Fees;
using ECourt.Domain.Parties;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.Fees;

/// <summary>
/// At registration the fee notice is written as a document of the case (its blob, then its row beside the case, once:
/// an earlier try's bytes are reused) and served on every plaintiff.
/// </summary>
public sealed class FeeNoticeAtRegistration(ICaseStore store, IDocumentStore documents, CaseChanges changes, CourtDirectory courts)
    : IServedAtRegistration
{
    public async Task<IReadOnlyList<DocumentToServe>> DocumentsAsync(StoredCase stored, DateTimeOffset now, CancellationToken ct)
    {
        var c = stored.Case;
        var plaintiffs = c.Parties.Where(p => p.Role == PartyRole.Plaintiff).ToList();
        var documentId = FeeNoticeDocument.IdFor(c.CaseId);
        if (await store.GetRowAsync(c.CaseId, DocumentRows.Documents, documentId, ct) is { } existing)
            return [new DocumentToServe(existing.Value, ServedDocumentKind.FeeNotice, plaintiffs, null)];
        var bytes = await documents.GetAsync(c.CaseId, documentId, ct)
            ?? FeeNoticeDocument.Render(c, courts.TryGet(c.Court, out var court) ? court.Name : c.Court);
        // The same bytes however often written: an earlier try's blob is reused above, a concurrent one is identical.
        var sha256 = await documents.PutAsync(c.CaseId, documentId, bytes, FeeNoticeDocument.ContentType,
            Convert.ToHexStringLower(SHA256.HashData(bytes)), ct);
        var document = new CaseDocument(documentId, DocumentKind.FeeNotice, "缴费通知书.txt", FeeNoticeDocument.ContentType,
            bytes.Length, sha256, "system", now);
        await changes.ApplyAsync(c.CaseId,
            x => CaseChange.Of(x.WithDocument(document), []).Inserting(CaseRow.Of(DocumentRows.Documents, documentId, document)),
            ct, stored);
        return [new DocumentToServe(document, ServedDocumentKind.FeeNotice, plaintiffs, null)];
    }
}
