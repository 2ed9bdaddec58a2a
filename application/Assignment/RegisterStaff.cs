using ECourt.Application.Cases;
using ECourt.Domain;
using ECourt.Domain.Access;
using ECourt.Domain.Assignment;

namespace ECourt.Application.Assignment;

/// <summary>The court's administrator registers a member of its staff, or changes one (division, roles, active).</summary>
public sealed class RegisterStaff(IStaffRegistry registry, StaffDirectory directory)
{
    public async Task<StaffMember> RunAsync(CourtUser admin, string userId, StaffRequest r, CancellationToken ct)
    {
        var v = new Validation();
        v.Check(!string.IsNullOrWhiteSpace(userId) && userId.Length <= Bounds.UserId, "userId",
            $"A user id of 1 to {Bounds.UserId} characters.");
        var roles = (r.Roles ?? []).Select((role, i) => (role, i)).ToList();
        foreach (var (role, i) in roles)
            v.Check(role is not null && Roles.Staff.Contains(role), $"roles[{i}]",
                "One of " + string.Join(", ", Roles.Staff.Order(StringComparer.Ordinal)) + ".");
        v.Check(roles.Count > 0, "roles", "At least one role.");
        v.ThrowIfAny();
        WireNames.TryParse<Division>(r.Division, out var division);
        var member = new StaffMember(userId, r.Name!.Trim(), admin.Court, division,
            roles.Select(x => x.role!).ToHashSet(StringComparer.Ordinal), r.Active!.Value);
        await registry.PutAsync(member, ct);
        directory.Forget(member.Court, member.UserId);
        return member;
    }
}
