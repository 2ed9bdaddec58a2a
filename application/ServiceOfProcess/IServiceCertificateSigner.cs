using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>The court's current signing key as published: its id, algorithm and public half.</summary>
public sealed record SigningKey(string KeyId, string Algorithm, string PublicKeyPem);

/// <summary>
/// Signs service certificates with the court's asymmetric key (a local key file in local runs; Key Vault in Azure)
/// and checks signatures with its public key, so anyone holding that key can verify a certificate. Asynchronous
/// throughout: a key held in Key Vault is read from the vault when first needed, never at composition.
/// </summary>
public interface IServiceCertificateSigner
{
    Task<SigningKey> KeyAsync(CancellationToken ct = default);

    Task<SignedServiceCertificate> SignAsync(ServiceCertificate certificate, CancellationToken ct = default);

    /// <summary>True when the signature is the current key's over exactly this certificate.</summary>
    Task<bool> VerifyAsync(SignedServiceCertificate signed, CancellationToken ct = default);
}
