using ECourt.Application.Access;
using ECourt.Domain.Access;

namespace ECourt.Application.Cases;

/// <summary>A case with its file, for those who may see it.</summary>
public sealed class ReadCase(CaseAccess access)
{
    public Task<CaseFile> RunAsync(string caseId, CourtUser caller, CancellationToken ct) => access.LoadFileAsync(caseId, caller, ct);
}
