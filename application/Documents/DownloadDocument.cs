using System.Security.Cryptography;
using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Access;

namespace ECourt.Application.Documents;

/// <summary>A document's bytes for those who may see its case, after checking them against the SHA-256 recorded at upload.</summary>
public sealed class DownloadDocument(CaseAccess access, ICaseStore store, IDocumentStore documents)
{
    public sealed record Content(byte[] Bytes, string ContentType, string FileName);

    public async Task<Content> RunAsync(string caseId, string documentId, CourtUser caller, CancellationToken ct)
    {
        await access.LoadAsync(caseId, caller, ct);
        if (documentId.Length > 64 || !documentId.All(char.IsAsciiLetterOrDigit)) throw new NotFoundException("such document");
        var document = (await store.GetRowAsync(caseId, DocumentRows.Documents, documentId, ct))?.Value
            ?? throw new NotFoundException("such document");
        var bytes = await documents.GetAsync(caseId, documentId, ct) ?? throw new NotFoundException("such document");
        if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != document.Sha256) throw new DocumentIntegrityException(caseId, documentId);
        return new Content(bytes, document.ContentType, document.FileName);
    }
}
