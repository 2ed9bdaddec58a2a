using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>Signed service certificates, one blob each, kept as issued.</summary>
public interface ICertificateStore
{
    /// <summary>Stores the certificate unless one with its id exists; returns the stored one.</summary>
    Task<SignedServiceCertificate> PutAsync(SignedServiceCertificate certificate, CancellationToken ct = default);

    Task<SignedServiceCertificate?> GetAsync(string certificateId, CancellationToken ct = default);
}
