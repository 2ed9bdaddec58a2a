using System.Text.RegularExpressions;
using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// The signed certificate itself (it names the party's address and the evidence of service), for the court's case staff
/// and the party served or whoever acts for it; for anyone else it does not exist (404).
/// </summary>
public sealed partial class ReadCertificate(ICertificateStore certificates, CaseAccess access)
{
    public async Task<SignedServiceCertificate> RunAsync(string certificateId, CourtUser caller, RouteAccess route, CancellationToken ct)
    {
        var signed = await LoadAsync(certificates, certificateId, ct);
        return await MayReadAsync(signed, caller, route, ct) ? signed : throw new NotFoundException("such certificate");
    }

    /// <summary>
    /// Whether the caller may read the certificate itself: the route's row grants it the case, and it is the court's case staff or
    /// the party served (or acts for it). The other side, finance and administrators of the court may not.
    /// </summary>
    public async Task<bool> MayReadAsync(SignedServiceCertificate signed, CourtUser caller, RouteAccess route, CancellationToken ct)
    {
        try
        {
            var grant = await access.AuthorizeAsync(route, signed.Certificate.CaseId, caller, ct);
            return PartyDetails.SeesDetailsOf(grant.Relations, grant.Parties, signed.Certificate.PartyNumber);
        }
        catch (Exception e) when (e is ForbiddenException or NotFoundException)
        {
            // Known case, but not this caller's certificate, or a case it may not know: answered as if absent.
            return false;
        }
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
