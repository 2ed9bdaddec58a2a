namespace ECourt.Domain.Access;

/// <summary>
/// A signed-in caller: their id, roles, and for staff the court they serve; and, where the identity provider verified it
/// (real-name claims), the resident id number and name of the person, or the unified social credit code and name of the
/// organisation the account acts for.
/// </summary>
public sealed record CourtUser(string Id, string Name, IReadOnlySet<string> Roles, string Court)
{
    public string? VerifiedIdNumber { get; init; }

    /// <summary>The person's name as real-name verification gave it with <see cref="VerifiedIdNumber"/> (not the display name).</summary>
    public string? VerifiedName { get; init; }

    public string? VerifiedCreditCode { get; init; }

    /// <summary>The name of the organisation the account acts for, as verified with <see cref="VerifiedCreditCode"/>.</summary>
    public string? VerifiedOrganisationName { get; init; }

    /// <summary>The identity verification this sign-in reports, if any (Online Litigation Rules art. 7: verified again per
    /// activity).</summary>
    public IdentityVerification? Verification { get; init; }

    /// <summary>For staff, the division the court's staff registry puts them in (none: not in the registry).</summary>
    public Assignment.Division? Division { get; init; }

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsInAnyRole(params string[] roles) => roles.Any(Roles.Contains);

    public bool IsStaffOf(string court, params string[] roles) =>
        string.Equals(Court, court, StringComparison.Ordinal) && roles.Any(Roles.Contains);
}
