using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Calendar;
using ECourt.Domain.ServiceOfProcess;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.ServiceOfProcess;

/// <summary>
/// Service certificates: downloaded by the party served and the court's case staff; verified by anyone. Everyone else
/// learns the verdict and what verifying needs, nothing about who was served where.
/// </summary>
public sealed class CertificateFunctions(ApiEndpoint endpoint, ReadCertificate read, VerifyCertificate verify)
{
    /// <param name="Channel">how the document was served</param>
    /// <param name="SignedContent">base64 of the exact bytes the signature covers (the certificate's canonical JSON): only for those who
    /// may read the certificate (the party served, the court's case staff)</param>
    /// <param name="Certificate">the whole certificate: only for those who may read it</param>
    public sealed record Verification(string CertificateId, bool Valid, bool SignatureValid, bool DocumentHashValid, string KeyId,
        string Algorithm,
        string? PublicKey, string Signature, string DocumentSha256, ServiceMethod Channel, DateTimeOffset SentAt,
            DateTimeOffset? DeliveredAt, DateTimeOffset ServedAt,
        DateTimeOffset IssuedAt, string? SignedContent, ServiceCertificate? Certificate);

    /// <summary>A certificate as downloaded: the certificate, the signed bytes and the signature.</summary>
    public sealed record CertificateDocument(ServiceCertificate Certificate, string SignedContent, string Algorithm, string KeyId,
        string Signature);

    [ApiOperation("service", "A signed electronic service certificate, for the party served and the court's case staff.",
        Response = typeof(CertificateDocument),
        Problems = [401, 404], Headers = ["ETag", "Content-Disposition"],
        Description = "The signed electronic service certificate of one service: the document and its SHA-256, the channel, address, "
            + "sent and delivered times and the evidence, with the court's signature over its canonical bytes. For the party served (or "
            + "whoever acts for it) and the case staff of the case's court; anyone else gets 404. Keep it as proof of service: anyone "
            + "can check it with .../verify.")]
    [Function("GetServiceCertificate")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get",
        Route = "service-certificates/{certificateId}")] HttpRequest req, string certificateId) =>
        endpoint.OnCaseOf(req, "GetServiceCertificate", async (caller, route) =>
        {
            var signed = await read.RunAsync(certificateId, caller, route, req.HttpContext.RequestAborted);
            return new ApiResult(new CertificateDocument(signed.Certificate, Convert.ToBase64String(signed.Certificate.CanonicalBytes()),
                signed.Algorithm,
                signed.KeyId, signed.Signature)).WithHeader("Content-Disposition", $"attachment; filename=\"{certificateId}.json\"");
        });

    [ApiOperation("service", "Checks the court's signature over a certificate and that the served document still has its SHA-256.",
        Public = true,
        Response = typeof(Verification), Problems = [401, 403, 404, 429], Headers = ["ETag"],
        Description = "Anyone, signed in or not, checks a service certificate: the court's signature over it, and that the served "
            + "document still has the SHA-256 recorded when it was filed; `valid` is true only when both hold. The certificate itself "
            + "(who was served where) comes with the verdict only for those who may read it; everyone else gets the verdict, the public "
            + "key and the signature.")]
    [Function("VerifyServiceCertificate")]
    public Task<IActionResult> Verify([HttpTrigger(AuthorizationLevel.Anonymous, "get",
        Route = "service-certificates/{certificateId}/verify")] HttpRequest req,
        string certificateId) =>
        endpoint.Public(req, "VerifyServiceCertificate", async caller =>
        {
            var r = await verify.RunAsync(certificateId, caller, AccessTable.For("GetServiceCertificate"), req.HttpContext.RequestAborted);
            var c = r.Signed.Certificate;
            return new ApiResult(new Verification(certificateId, r.Valid, r.SignatureValid, r.DocumentHashValid, r.Signed.KeyId,
                r.Signed.Algorithm,
                r.PublicKeyPem, r.Signed.Signature, c.DocumentSha256, c.Method, ChinaTime.ToChinaTime(c.SentAt),
                c.DeliveredAt is { } d ? ChinaTime.ToChinaTime(d) : null, ChinaTime.ToChinaTime(c.ServedAt),
                    ChinaTime.ToChinaTime(c.IssuedAt),
                r.MayRead ? Convert.ToBase64String(c.CanonicalBytes()) : null, r.MayRead ? c : null));
        });
}
