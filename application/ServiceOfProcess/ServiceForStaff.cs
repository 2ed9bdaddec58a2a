using System.Text.RegularExpressions;
using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>The case and one of its services, for the case's staff in a role.</summary>
public sealed partial class ServiceForStaff(CaseAccess access, ServiceRecords records)
{
    public async Task<(StoredCase Case, ServiceRecord Service)> LoadAsync(string caseId, string serviceId, CourtUser caller, string role,
        string forbidden, CancellationToken ct)
    {
        var stored = await access.LoadAsync(caseId, caller, ct);
        if (!caller.IsStaffOf(stored.Case.Court, role)) throw new ForbiddenException(forbidden);
        if (!ServiceIdPattern().IsMatch(serviceId)) throw new NotFoundException("such service");
        try
        {
            return (stored, (await records.GetAsync(caseId, serviceId, ct)).Value);
        }
        catch (KeyNotFoundException)
        {
            throw new NotFoundException("such service");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}-p[0-9]{1,3}$")]
    private static partial Regex ServiceIdPattern();
}
