using ECourt.Domain.Access;
using ECourt.Domain.Assignment;

namespace ECourt.Application.Assignment;

/// <summary>The administrator's list of the court's staff.</summary>
public sealed class ListStaff(IStaffRegistry registry)
{
    public Task<IReadOnlyList<StaffMember>> RunAsync(CourtUser admin, CancellationToken ct) => registry.ListAsync(admin.Court, ct);
}
