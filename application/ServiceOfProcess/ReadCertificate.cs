using System.Text.RegularExpressions;
using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>The signed certificate itself, for those who may see its case.</summary>
public sealed partial class ReadCertificate(ICertificateStore certificates, CaseAccess access)
{
    public async Task<SignedServiceCertificate> RunAsync(string certificateId, CourtUser caller, CancellationToken ct)
    {
        var signed = await LoadAsync(certificates, certificateId, ct);
        await access.LoadAsync(signed.Certificate.CaseId, caller, ct);
        return signed;
    }

    public static async Task<SignedServiceCertificate> LoadAsync(ICertificateStore certificates, string certificateId, CancellationToken ct)
    {
        if (!CertificateIdPattern().IsMatch(certificateId)) throw new NotFoundException("such certificate");
        return await certificates.GetAsync(certificateId, ct) ?? throw new NotFoundException("such certificate");
    }

    /// <summary>Random ids ("sc" and 32 hex digits), and the case-derived ids of certificates issued before them.</summary>
    [GeneratedRegex("^(sc[0-9a-f]{32}|cs[0-9a-f]{24}-[A-Za-z0-9_-]{1,80}-p[0-9]{1,3})$")]
    private static partial Regex CertificateIdPattern();
}
