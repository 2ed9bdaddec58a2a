using System.Text.RegularExpressions;
using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>One service of a case its staff act on (the access table granted the route).</summary>
public sealed partial class ServiceForStaff(ServiceRecords records)
{
    public async Task<ServiceRecord> LoadAsync(CaseGrant grant, string serviceId, CancellationToken ct)
    {
        if (!ServiceIdPattern().IsMatch(serviceId)) throw new NotFoundException("such service");
        try
        {
            return (await records.GetAsync(grant.CaseId, serviceId, ct)).Value;
        }
        catch (KeyNotFoundException)
        {
            throw new NotFoundException("such service");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}-p[0-9]{1,3}$")]
    private static partial Regex ServiceIdPattern();
}
