using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Domain.Access;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// Anyone verifies a certificate: the court's signature over it, and that its SHA-256 is the one the court recorded for
/// the document when it was filed (one point read; the download route checks the bytes against that record). Only those
/// who may read the certificate itself (<see cref="ReadCertificate"/>: the party served and the court's case staff) get it
/// with the verdict; everyone else, signed in or not, the verdict and what verifying needs.
/// </summary>
public sealed class VerifyCertificate(ICertificateStore certificates, ICaseStore cases, ICertificateVerifier verifier, ReadCertificate read)
{
    /// <param name="MayRead">the caller may read the certificate itself, as its download route grants it</param>
    public sealed record Result(SignedServiceCertificate Signed, bool SignatureValid, bool DocumentHashValid, string? PublicKeyPem,
        bool MayRead)
    {
        public bool Valid => SignatureValid && DocumentHashValid;
    }

    /// <param name="readRoute">the access row of the certificate's download, which decides who gets the certificate itself</param>
    public async Task<Result> RunAsync(string certificateId, CourtUser? caller, RouteAccess readRoute, CancellationToken ct)
    {
        var signed = await ReadCertificate.LoadAsync(certificates, certificateId, ct);
        var c = signed.Certificate;
        var (signatureValid, publicKey) = await verifier.VerifyAsync(signed, ct);
        var recorded = await cases.GetRowAsync(c.CaseId, DocumentRows.Documents, c.DocumentId, ct);
        var mayRead = caller is not null && await read.MayReadAsync(signed, caller, readRoute, ct);
        return new Result(signed, signatureValid, recorded is not null && recorded.Value.Sha256 == c.DocumentSha256, publicKey, mayRead);
    }
}
