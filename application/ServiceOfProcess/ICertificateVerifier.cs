using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>Checks a certificate's signature with whichever of the court's keys made it (the current one, or one retired since).</summary>
public interface ICertificateVerifier
{
    /// <summary>Whether the signature is the court's, and the public key (PEM) it was checked with.</summary>
    Task<(bool Valid, string? PublicKeyPem)> VerifyAsync(SignedServiceCertificate signed, CancellationToken ct = default);
}
