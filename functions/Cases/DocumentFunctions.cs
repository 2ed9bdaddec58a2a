using System.Security.Cryptography;
using System.Text;
using ECourt.Domain.Access;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Ports;
using ECourt.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace ECourt.Functions.Cases;

/// <summary>
/// Documents of a case: uploaded as raw bytes, checked by content against the allow-list, stored as a
/// blob with its SHA-256 recorded beside the case, and checked against that hash whenever served.
/// </summary>
public sealed class DocumentFunctions(ApiEndpoint endpoint, CaseAccess access, ICaseStore store, IDocumentStore documents, TimeProvider clock, ILogger<DocumentFunctions> log)
{
    public sealed record UploadedDocument(string DocumentId, string Kind, string Sha256, long Size, string FileName, string ContentType);

    [Function("UploadDocument")]
    public Task<IActionResult> Upload([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/documents")] HttpRequest req, string caseId) =>
        endpoint.SignedIn(req, async caller =>
        {
            var ct = req.HttpContext.RequestAborted;
            var stored = await access.LoadAsync(caseId, caller, ct);
            if (!stored.Case.IsPartyOrRepresentative(caller.Id) && !caller.IsStaffOf(stored.Case.Court, [.. Roles.CaseStaff]))
                throw ApiProblem.Forbidden("Only the parties, those who act for them and the court's staff file documents.");
            if (stored.Case.Status.IsFinal())
                throw ApiProblem.Conflict("case-closed", $"The case is {stored.Case.Status}; no more documents are filed in it.");

            var key = IdempotencyKey.Read(req);
            var v = new Validation();
            v.Check(DocumentKinds.TryParse(req.Headers["X-Document-Kind"].FirstOrDefault(), out var kind), "X-Document-Kind",
                "One of " + string.Join(", ", DocumentKinds.Names) + ".");
            var fileName = DecodeFileName(req.Headers["X-File-Name"].FirstOrDefault(), v);
            v.ThrowIfAny();
            var declared = req.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
            if (declared is null || !DocumentFormat.AllowedMediaTypes.ContainsKey(declared))
                throw ApiProblem.UnsupportedMediaType("Documents are PDF, OFD, JPEG or PNG (Content-Type application/pdf, application/ofd, image/jpeg, image/png).");

            var content = await RequestBody.ReadBytesAsync(req, DocumentFormat.MaxUploadBytes, "A document is at most 50 MiB.");
            var detected = DocumentFormat.Detect(content);
            if (detected is null)
                throw ApiProblem.UnsupportedMediaType("The content is not a PDF, OFD, JPEG or PNG file, whatever its declared type.");
            if (detected != declared)
                throw ApiProblem.UnsupportedMediaType($"The content is {DocumentFormat.AllowedMediaTypes[detected]} but was declared as {declared}.");
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));

            var documentId = key is null
                ? "doc" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))
                : "doc" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(caseId + "\n" + caller.Id + "\n" + key)).AsSpan(0, 12));
            if (key is not null && await store.GetDocumentAsync(caseId, documentId, ct) is { } earlier)
                return Answer(Same(earlier, sha256));

            var document = new CaseDocument(documentId, kind, fileName!, detected, content.Length, sha256, caller.Id, clock.GetUtcNow());
            // Bytes first, then the record: a crash between the two leaves an unlisted blob, never a listed document without bytes.
            // The blob is written only if absent: an upload racing this one with the same key and other bytes cannot replace them.
            if (await documents.PutAsync(caseId, documentId, content, detected, sha256, ct) != sha256)
                throw await store.GetDocumentAsync(caseId, documentId, ct) is null
                    ? ApiProblem.Conflict("idempotency-key-in-use",
                        "Another upload with this Idempotency-Key and different content is being filed; use a new key for a different document.")
                    : ApiProblem.Rule("idempotency-key-reused", "This Idempotency-Key was used for a different document; use a new key.");
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    if (await store.AddDocumentAsync(stored.Case.WithDocument(document), stored.ETag, document, ct) is null)
                        document = Same(await store.GetDocumentAsync(caseId, documentId, ct) ?? throw new InvalidOperationException("Document row vanished."), sha256);
                    break;
                }
                catch (ConcurrentChangeException) when (attempt < 20)
                {
                    // Another change to the case (another upload, a decision): list the document on the case as it is now.
                    stored = await access.LoadAsync(caseId, caller, ct);
                }
            }
            return Answer(document);
        });

    private static CaseDocument Same(CaseDocument earlier, string sha256) => earlier.Sha256 == sha256
        ? earlier
        : throw ApiProblem.Rule("idempotency-key-reused", "This Idempotency-Key was used for a different document; use a new key.");

    private static ApiResult Answer(CaseDocument d) =>
        new(new UploadedDocument(d.DocumentId, d.Kind.Name(), d.Sha256, d.Size, d.FileName, d.ContentType), StatusCodes.Status201Created);

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

    [Function("DownloadDocument")]
    public Task<IActionResult> Download(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/documents/{documentId}")] HttpRequest req, string caseId, string documentId) =>
        endpoint.SignedIn(req, async caller =>
        {
            var ct = req.HttpContext.RequestAborted;
            await access.LoadAsync(caseId, caller, ct);
            if (documentId.Length > 64 || !documentId.All(char.IsAsciiLetterOrDigit)) throw ApiProblem.NotFound("such document");
            var document = await store.GetDocumentAsync(caseId, documentId, ct) ?? throw ApiProblem.NotFound("such document");
            var bytes = await documents.GetAsync(caseId, documentId, ct) ?? throw ApiProblem.NotFound("such document");
            if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != document.Sha256)
            {
                log.LogCritical("Document {DocumentId} of case {CaseId} does not match the SHA-256 recorded at upload", documentId, caseId);
                throw new ApiProblem(500, ApiProblem.TypePrefix + "document-integrity", "The document failed its integrity check.",
                    "The stored bytes do not match the SHA-256 recorded when the document was filed; it is withheld and the court's IT is alerted.");
            }
            return new BytesResult(bytes, document.ContentType, document.FileName);
        });
}
