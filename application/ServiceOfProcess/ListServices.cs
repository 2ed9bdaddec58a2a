using ECourt.Application.Access;
using ECourt.Domain.Access;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>Every service of the case's documents, for those who may see the case (service is part of the case file).</summary>
public sealed class ListServices(CaseAccess access, ServiceRecords records)
{
    public async Task<IReadOnlyList<ServiceRecord>> RunAsync(string caseId, CourtUser caller, CancellationToken ct)
    {
        await access.LoadAsync(caseId, caller, ct);
        return (await records.ListAsync(caseId, ct)).OrderBy(r => r.StartedAt).ToList();
    }
}
