using ECourt.Application.Documents;
using ECourt.Domain.Documents;
using ECourt.Functions.Http;
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
    public sealed record UploadedDocument(string DocumentId, DocumentKind Kind, string Sha256, long Size, string FileName, string ContentType);

    [Function("UploadDocument")]
    public Task<IActionResult> Upload([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/documents")] HttpRequest req, string caseId) =>
        endpoint.SignedIn(req, async caller =>
        {
            var request = new UploadDocument.Request(req.Headers["X-Document-Kind"].FirstOrDefault(), req.Headers["X-File-Name"].FirstOrDefault(), req.ContentType,
                IdempotencyKey.Read(req));
            var d = await upload.RunAsync(caseId, caller, request,
                () => RequestBody.ReadBytesAsync(req, DocumentFormat.MaxUploadBytes, "A document is at most 50 MiB."), req.HttpContext.RequestAborted);
            return new ApiResult(new UploadedDocument(d.DocumentId, d.Kind, d.Sha256, d.Size, d.FileName, d.ContentType), StatusCodes.Status201Created);
        });

    [Function("DownloadDocument")]
    public Task<IActionResult> Download(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/documents/{documentId}")] HttpRequest req, string caseId, string documentId) =>
        endpoint.SignedIn(req, async caller =>
        {
            var content = await download.RunAsync(caseId, documentId, caller, req.HttpContext.RequestAborted);
            return new BytesResult(content.Bytes, content.ContentType, content.FileName);
        });
}
