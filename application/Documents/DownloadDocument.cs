using System.Security.Cryptography;
using ECourt.Application.Access;

namespace ECourt.Application.Documents;

/// <summary>
/// A document's bytes for those who may see it (<see cref="VisibleDocuments"/>: a document the caller may not see is
/// answered as if it did not exist), after checking them against the SHA-256 recorded at upload. Every download is written
/// to the case's access log before the bytes are answered.
/// </summary>
public sealed class DownloadDocument(VisibleDocuments visible, IDocumentStore documents, ICaseAccessLog log, TimeProvider clock)
{
    public sealed record Content(byte[] Bytes, string ContentType, string FileName);

    public async Task<Content> RunAsync(CaseGrant grant, string documentId, CancellationToken ct)
    {
        var file = grant.RequireFile();
        var document = file.Rows(DocumentRows.Documents).FirstOrDefault(d => d.DocumentId == documentId);
        if (document is null || !visible.CanSee(grant, file, document)) throw new Cases.NotFoundException("such document");
        var bytes = await documents.GetAsync(grant.CaseId, documentId, ct) ?? throw new Cases.NotFoundException("such document");
        if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != document.Sha256) throw new DocumentIntegrityException(grant.CaseId,
            documentId);
        await log.AppendAsync(grant.CaseId, CaseFileIndex.Entry(grant, CaseFileIndex.Downloaded, documentId, clock.GetUtcNow()), ct);
        return new Content(bytes, document.ContentType, document.FileName);
    }
}
