namespace ECourt.Domain.Assignment;

/// <summary>
/// A member of a court's staff as its registry holds them: the division they belong to and the roles they hold there. An
/// inactive member (left, on long leave) keeps the cases' history but is given no new case and acts on none.
/// </summary>
public sealed record StaffMember(string UserId, string Name, string Court, Division Division, IReadOnlySet<string> Roles, bool Active)
{
    public bool Holds(string role) => Active && Roles.Contains(role);
}
