using System.Text.RegularExpressions;
using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Ports;
using ECourt.Domain.Service;
using ECourt.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Service;

/// <summary>
/// Service certificates: downloaded by those who may see the case; verified by anyone. Verification checks the court's
/// signature over the certificate and that the certificate's SHA-256 is the one the court recorded for the document when
/// it was filed (one point read; the download route checks the bytes against that record). Anonymous callers learn the
/// verdict and what verifying needs, nothing about who was served where; the case's parties and staff see it all.
/// </summary>
public sealed partial class CertificateFunctions(ApiEndpoint endpoint, Cases.CaseAccess access, ICertificateStore certificates, ICaseStore cases,
    Adapters.Signing.CertificateVerifier verifier)
{
    /// <param name="Channel">sms, email, inbox, post or public-notice: how the document was served</param>
    /// <param name="SignedContent">base64 of the exact bytes the signature covers (the certificate's canonical JSON): only for those who may see the case</param>
    /// <param name="Certificate">the whole certificate: only for those who may see the case</param>
    public sealed record Verification(string CertificateId, bool Valid, bool SignatureValid, bool DocumentHashValid, string KeyId, string Algorithm,
        string? PublicKey, string Signature, string DocumentSha256, string Channel, DateTimeOffset SentAt, DateTimeOffset? DeliveredAt, DateTimeOffset ServedAt,
        DateTimeOffset IssuedAt, string? SignedContent, ServiceCertificate? Certificate);

    /// <summary>A certificate as downloaded: the certificate, the signed bytes and the signature.</summary>
    public sealed record CertificateDocument(ServiceCertificate Certificate, string SignedContent, string Algorithm, string KeyId, string Signature);

    [Function("GetServiceCertificate")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "service-certificates/{certificateId}")] HttpRequest req, string certificateId) =>
        endpoint.SignedIn(req, async caller =>
        {
            var ct = req.HttpContext.RequestAborted;
            var signed = await Load(certificateId, ct);
            await access.LoadAsync(signed.Certificate.CaseId, caller, ct);
            return new ApiResult(new CertificateDocument(signed.Certificate, Convert.ToBase64String(signed.Certificate.CanonicalBytes()), signed.Algorithm,
                signed.KeyId, signed.Signature)).WithHeader("Content-Disposition", $"attachment; filename=\"{certificateId}.json\"");
        });

    [Function("VerifyServiceCertificate")]
    public Task<IActionResult> Verify([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "service-certificates/{certificateId}/verify")] HttpRequest req,
        string certificateId) =>
        endpoint.Public(req, async () =>
        {
            var ct = req.HttpContext.RequestAborted;
            var signed = await Load(certificateId, ct);
            var c = signed.Certificate;
            var (signatureValid, publicKey) = verifier.Verify(signed);
            var recorded = await cases.GetDocumentAsync(c.CaseId, c.DocumentId, ct);
            var hashValid = recorded is not null && recorded.Sha256 == c.DocumentSha256;
            var mayRead = await endpoint.CallerIfSignedInAsync(req) is { } caller && await access.CanSeeAsync(c.CaseId, caller, ct);
            return new ApiResult(new Verification(certificateId, signatureValid && hashValid, signatureValid, hashValid, signed.KeyId, signed.Algorithm,
                publicKey, signed.Signature, c.DocumentSha256, ServiceFunctions.ChannelName(c.Method), ChinaTime.ToChinaTime(c.SentAt),
                c.DeliveredAt is { } d ? ChinaTime.ToChinaTime(d) : null, ChinaTime.ToChinaTime(c.ServedAt), ChinaTime.ToChinaTime(c.IssuedAt),
                mayRead ? Convert.ToBase64String(c.CanonicalBytes()) : null, mayRead ? c : null));
        });

    private async Task<SignedServiceCertificate> Load(string certificateId, CancellationToken ct)
    {
        if (!CertificateIdPattern().IsMatch(certificateId)) throw ApiProblem.NotFound("such certificate");
        return await certificates.GetAsync(certificateId, ct) ?? throw ApiProblem.NotFound("such certificate");
    }

    /// <summary>Random ids ("sc" and 32 hex digits), and the case-derived ids of certificates issued before them.</summary>
    [GeneratedRegex("^(sc[0-9a-f]{32}|cs[0-9a-f]{24}-[A-Za-z0-9_-]{1,80}-p[0-9]{1,3})$")]
    private static partial Regex CertificateIdPattern();
}
