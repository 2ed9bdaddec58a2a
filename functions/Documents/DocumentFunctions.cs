using ECourt.Application.Documents;
using ECourt.Domain.Documents;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Documents;

/// <summary>
/// Documents of a case: uploaded as the raw body (its type in Content-Type, its name in X-File-Name, its kind in
/// X-Document-Kind), and downloaded after the bytes are checked against the SHA-256 recorded at upload.
/// </summary>
public sealed class DocumentFunctions(ApiEndpoint endpoint, UploadDocument upload, DownloadDocument download)
{
    public sealed record UploadedDocument(string DocumentId, DocumentKind Kind, string Sha256, long Size, string FileName,
        string ContentType);

    [ApiOperation("documents", "Upload a document as the raw body.", RawRequest = "application/pdf,application/ofd,image/jpeg,image/png",
        Response = typeof(UploadedDocument), Status = 201, Problems = [400, 401, 403, 404, 409, 413, 415, 422], Idempotent = true,
        Description = "A party, its lawyer or the case staff of the case's court files a document as the raw request body, with its kind "
            + "in X-Document-Kind and its name in X-File-Name. The content must really be what Content-Type says, PDF, OFD, JPEG or PNG "
            + "(415 otherwise), at most 50 MiB; a complaint or fee-aid application comes from the filing side only, and a closed case "
            + "takes no document (409 case-closed). Keep `documentId` to name the document later; send an Idempotency-Key so a retry "
            + "never files it twice.")]
    [ApiParameter("X-File-Name", "header", "The file name, percent-encoded UTF-8.", Required = true)]
    [ApiParameter("X-Document-Kind", "header", "What the document is.", Required = true, Enum = typeof(Domain.Documents.DocumentKind))]
    [Function("UploadDocument")]
    public Task<IActionResult> Upload([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/documents")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "UploadDocument", caseId, async grant =>
        {
            var request = new UploadDocument.Request(req.Headers["X-Document-Kind"].FirstOrDefault(),
                req.Headers["X-File-Name"].FirstOrDefault(), req.ContentType,
                IdempotencyKey.Read(req));
            var d = await upload.RunAsync(grant, request,
                () => RequestBody.ReadBytesAsync(req, DocumentFormat.MaxUploadBytes, "A document is at most 50 MiB."),
                    req.HttpContext.RequestAborted);
            return new ApiResult(new UploadedDocument(d.DocumentId, d.Kind, d.Sha256, d.Size, d.FileName, d.ContentType),
                StatusCodes.Status201Created);
        });

    // Uploads are PDF, OFD, JPEG or PNG; the notices the court issues (fee notice, fee-aid decision, notice of proof) are plain text.
    [ApiOperation("documents", "The document's bytes, after checking the SHA-256 recorded at upload.",
        BinaryResponse = "application/pdf,application/ofd,image/jpeg,image/png,text/plain", Problems = [401, 403, 404],
            Headers = ["Content-Disposition"],
        Description = "The bytes of a document of the case, for those who may see it: the case's parties and their representatives (of "
            + "the other side's documents only those served on them, never a private one such as an identity document) and the case "
            + "staff of its court; anyone else gets 404. The bytes are checked against the SHA-256 recorded at upload first: a document "
            + "that fails the check is withheld (500), never served altered.")]
    [Function("DownloadDocument")]
    public Task<IActionResult> Download(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/documents/{documentId}")] HttpRequest req,
            string caseId, string documentId) =>
        endpoint.OnCase(req, "DownloadDocument", caseId, async grant =>
        {
            var content = await download.RunAsync(grant, documentId, req.HttpContext.RequestAborted);
            return new BytesResult(content.Bytes, content.ContentType, content.FileName);
        });
}
