using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Domain.Access;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// Anyone verifies a certificate: the court's signature over it, and that its SHA-256 is the one the court recorded for
/// the document when it was filed (one point read; the download route checks the bytes against that record). Only the
/// case's parties and staff get the certificate itself with the verdict.
/// </summary>
public sealed class VerifyCertificate(ICertificateStore certificates, ICaseStore cases, ICertificateVerifier verifier, CaseAccess access)
{
    /// <param name="MayRead">the caller may see the certificate's case, and so the certificate</param>
    public sealed record Result(SignedServiceCertificate Signed, bool SignatureValid, bool DocumentHashValid, string? PublicKeyPem,
        bool MayRead)
    {
        public bool Valid => SignatureValid && DocumentHashValid;
    }

    public async Task<Result> RunAsync(string certificateId, CourtUser? caller, CancellationToken ct)
    {
        var signed = await ReadCertificate.LoadAsync(certificates, certificateId, ct);
        var c = signed.Certificate;
        var (signatureValid, publicKey) = await verifier.VerifyAsync(signed, ct);
        var recorded = await cases.GetRowAsync(c.CaseId, DocumentRows.Documents, c.DocumentId, ct);
        var mayRead = caller is not null && await access.CanSeeAsync(c.CaseId, caller, ct);
        return new Result(signed, signatureValid, recorded is not null && recorded.Value.Sha256 == c.DocumentSha256, publicKey, mayRead);
    }
}
