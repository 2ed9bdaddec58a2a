using ECourt.Domain.Assignment;

namespace ECourt.Application.Assignment;

/// <summary>A court's staff registry: who works there, in which division, with which roles, and whether still active.</summary>
public interface IStaffRegistry
{
    Task<StaffMember?> FindAsync(string court, string userId, CancellationToken ct = default);

    /// <summary>Every member of the court, active or not, by user id.</summary>
    Task<IReadOnlyList<StaffMember>> ListAsync(string court, CancellationToken ct = default);

    Task PutAsync(StaffMember member, CancellationToken ct = default);
}
