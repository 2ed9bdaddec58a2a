using System.Collections.Concurrent;
using ECourt.Domain.Access;
using ECourt.Domain.Assignment;

namespace ECourt.Application.Assignment;

/// <summary>
/// The staff registry as each request's caller needs it: a staff caller's division, and whether they are still active. Read
/// once a minute per member, not on every request; a change made through this host is seen at once, one made through
/// another instance within the minute.
/// </summary>
public sealed class StaffDirectory(IStaffRegistry registry)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string Court, string UserId), (StaffMember? Member, long ReadAt)> _members = new();

    /// <summary>
    /// The caller with their division from the registry. A member the registry marks inactive keeps no staff role: they left
    /// the court's work, whatever their token still says. A staff caller the registry does not hold keeps their roles and has
    /// no division (the court has not registered them yet).
    /// </summary>
    public async Task<CourtUser> WithRegistryAsync(CourtUser caller, CancellationToken ct)
    {
        if (!caller.Roles.Overlaps(Roles.Staff)) return caller;
        var member = await FindAsync(caller.Court, caller.Id, ct);
        if (member is null) return caller;
        if (!member.Active)
            return caller with { Roles = caller.Roles.Where(r => !Roles.Staff.Contains(r)).ToHashSet(StringComparer.Ordinal) };
        return caller with { Division = member.Division };
    }

    public async Task<StaffMember?> FindAsync(string court, string userId, CancellationToken ct)
    {
        var key = (court, userId);
        if (_members.TryGetValue(key, out var cached) && Environment.TickCount64 - cached.ReadAt < Fresh.TotalMilliseconds)
            return cached.Member;
        var member = await registry.FindAsync(court, userId, ct);
        _members[key] = (member, Environment.TickCount64);
        return member;
    }

    /// <summary>A member was registered or changed through this host.</summary>
    public void Forget(string court, string userId) => _members.TryRemove((court, userId), out _);
}
