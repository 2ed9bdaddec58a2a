namespace ECourt.Domain.Access;

/// <summary>
/// A signed-in caller: their id, roles, and for staff the court they serve; and, where the identity provider verified it
/// (a real-name claim), the resident id number of the person or the unified social credit code of the organisation the
/// account acts for.
/// </summary>
public sealed record CourtUser(string Id, string Name, IReadOnlySet<string> Roles, string Court)
{
    public string? VerifiedIdNumber { get; init; }

    public string? VerifiedCreditCode { get; init; }

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsInAnyRole(params string[] roles) => roles.Any(Roles.Contains);

    public bool IsStaffOf(string court, params string[] roles) =>
        string.Equals(Court, court, StringComparison.Ordinal) && roles.Any(Roles.Contains);
}
