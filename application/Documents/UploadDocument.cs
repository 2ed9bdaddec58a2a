using System.Security.Cryptography;
using System.Text;
using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;

namespace ECourt.Application.Documents;

/// <summary>
/// A party, its representative or the court's staff files a document: checked by content against the allow-list,
/// stored as a blob (only if absent) with its SHA-256 recorded in the document's row, and listed on the case in the
/// same transaction. With an Idempotency-Key a repeat returns the first document.
/// </summary>
public sealed class UploadDocument(CaseChanges changes, ICaseStore store, IDocumentStore documents, TimeProvider clock)
{
    /// <param name="FileName">percent-encoded UTF-8, as the X-File-Name header carries it</param>
    public sealed record Request(string? Kind, string? FileName, string? DeclaredType, string? IdempotencyKey);

    /// <param name="readContent">
    /// reads the body, within the upload limit; called once the caller may upload and the headers are right
    /// </param>
    public async Task<CaseDocument> RunAsync(CaseGrant grant, Request request, Func<Task<byte[]>> readContent, CancellationToken ct)
    {
        var (stored, caller, caseId) = (grant.Stored, grant.Caller, grant.CaseId);
        if (stored.Case.Status.IsFinal())
            throw new ConflictException("case-closed", $"The case is {stored.Case.Status}; no more documents are filed in it.");

        var v = new Validation();
        var kind = v.Enum(request.Kind, "X-Document-Kind", DocumentKinds.Uploadable);
        var fileName = DecodeFileName(request.FileName, v);
        v.ThrowIfAny();
        if (kind!.Value.IsFilingDocument() && grant.Side == CaseSide.Other)
            throw new ForbiddenException("A complaint or a fee-aid application is the filing side's own document.");
        if (kind.Value.IsStaffDocument() && !grant.IsCourtStaff)
            throw new ForbiddenException("The minutes of a hearing and the signed judgment are the court's: its staff upload them.");
        var declared = request.DeclaredType?.Split(';')[0].Trim().ToLowerInvariant();
        if (declared is null || !DocumentFormat.AllowedMediaTypes.ContainsKey(declared))
            throw new UnsupportedContentException(
                "Documents are PDF, OFD, JPEG or PNG (Content-Type application/pdf, application/ofd, image/jpeg, image/png).");

        var content = await readContent();
        var detected = DocumentFormat.Detect(content)
            ?? throw new UnsupportedContentException("The content is not a PDF, OFD, JPEG or PNG file, whatever its declared type.");
        if (detected != declared)
            throw new UnsupportedContentException(
                $"The content is {DocumentFormat.AllowedMediaTypes[detected]} but was declared as {declared}.");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));

        var key = request.IdempotencyKey;
        var documentId = key is null
            ? "doc" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))
            : "doc" + Convert.ToHexStringLower(
                SHA256.HashData(Encoding.UTF8.GetBytes(caseId + "\n" + caller.Id + "\n" + key)).AsSpan(0, 12));
        // A repeat within a day is answered before it gets here (the key's kept answer); a later one finds its blob and row below.
        var document = new CaseDocument(documentId, kind!.Value, fileName!, detected, content.Length, sha256, caller.Id, clock.GetUtcNow());
        // Bytes first, then the record: a crash between the two leaves an unlisted blob, never a listed document without bytes.
        // The blob is written only if absent: an upload racing this one with the same key and other bytes cannot replace them.
        if (await documents.PutAsync(caseId, documentId, content, detected, sha256, ct) != sha256)
            throw await store.GetRowAsync(caseId, DocumentRows.Documents, documentId, ct) is null
                ? new ConflictException("idempotency-key-in-use",
                    "Another upload with this Idempotency-Key and different content is being filed; use a new key for a different document.")
                : new Domain.DomainRuleException("idempotency-key-reused",
                    "This Idempotency-Key was used for a different document; use a new key.");
        var applied = await changes.ApplyWithOutcomeAsync(caseId,
            c => CaseChange.Of(c.WithDocument(document), []).Inserting(CaseRow.Of(DocumentRows.Documents, documentId, document)),
            ct, stored);
        if (!applied.Changed)
            document = Same((await store.GetRowAsync(caseId, DocumentRows.Documents, documentId, ct))?.Value
                ?? throw new InvalidOperationException("Document row vanished."), sha256);
        return document;
    }

    private static CaseDocument Same(CaseDocument earlier, string sha256) => earlier.Sha256 == sha256
        ? earlier
        : throw new Domain.DomainRuleException("idempotency-key-reused",
            "This Idempotency-Key was used for a different document; use a new key.");

    private static string? DecodeFileName(string? header, Validation v)
    {
        string? name = null;
        if (header is not null)
        {
            try { name = Uri.UnescapeDataString(header); }
            catch (UriFormatException) { v.Add("X-File-Name", "Percent-encode the file name as UTF-8."); return null; }
        }
        if (DocumentFormat.FileNameProblem(name) is { } problem) { v.Add("X-File-Name", problem); return null; }
        return name;
    }
}
