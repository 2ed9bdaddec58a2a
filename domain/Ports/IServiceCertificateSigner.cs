using ECourt.Domain.Service;

namespace ECourt.Domain.Ports;

/// <summary>
/// Signs service certificates with the court's asymmetric key (a local key file in local runs; Key Vault
/// in Azure) and checks signatures with its public key, so anyone holding that key can verify a certificate.
/// </summary>
public interface IServiceCertificateSigner
{
    string KeyId { get; }

    string Algorithm { get; }

    /// <summary>The public key (SubjectPublicKeyInfo, PEM) the court publishes for verification.</summary>
    string PublicKeyPem { get; }

    Task<SignedServiceCertificate> SignAsync(ServiceCertificate certificate, CancellationToken ct = default);

    /// <summary>True when the signature is the court's over exactly this certificate.</summary>
    bool Verify(SignedServiceCertificate signed);
}
