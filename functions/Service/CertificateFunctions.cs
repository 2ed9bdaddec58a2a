using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ECourt.Domain.Ports;
using ECourt.Domain.Service;
using ECourt.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Service;

/// <summary>
/// Service certificates: downloaded by those who may see the case; verified by anyone (the court's
/// signature over the certificate, and the served document still hashing to the certificate's SHA-256).
/// </summary>
public sealed partial class CertificateFunctions(ApiEndpoint endpoint, Cases.CaseAccess access, ICertificateStore certificates, IDocumentStore documents,
    Adapters.Signing.CertificateVerifier verifier)
{
    /// <param name="SignedContent">base64 of the exact bytes the signature covers (the certificate's canonical JSON), for anyone verifying with the public key</param>
    public sealed record Verification(string CertificateId, bool Valid, bool SignatureValid, bool DocumentHashValid, string KeyId, string Algorithm,
        string? PublicKey, string SignedContent, string Signature, ServiceCertificate Certificate);

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
            var (signatureValid, publicKey) = verifier.Verify(signed);
            var bytes = await documents.GetAsync(signed.Certificate.CaseId, signed.Certificate.DocumentId, ct);
            var hashValid = bytes is not null && Convert.ToHexStringLower(SHA256.HashData(bytes)) == signed.Certificate.DocumentSha256;
            return new ApiResult(new Verification(certificateId, signatureValid && hashValid, signatureValid, hashValid, signed.KeyId, signed.Algorithm,
                publicKey, Convert.ToBase64String(signed.Certificate.CanonicalBytes()), signed.Signature, signed.Certificate));
        });

    private async Task<SignedServiceCertificate> Load(string certificateId, CancellationToken ct)
    {
        if (!CertificateIdPattern().IsMatch(certificateId)) throw ApiProblem.NotFound("such certificate");
        return await certificates.GetAsync(certificateId, ct) ?? throw ApiProblem.NotFound("such certificate");
    }

    [GeneratedRegex("^cs[0-9a-f]{24}-[A-Za-z0-9_-]{1,80}-p[0-9]{1,3}$")]
    private static partial Regex CertificateIdPattern();
}
