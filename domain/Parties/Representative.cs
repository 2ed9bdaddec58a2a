using System.Text.Json.Serialization;

namespace ECourt.Domain.Parties;

/// <summary>How someone acts for a party: a lawyer or other agent under a power of attorney, a guardian for a minor or incapacitated
/// person, or an organisation's legal representative.</summary>
public enum RepresentativeKind
{
    [JsonStringEnumMemberName("lawyer")]
    Lawyer,
    [JsonStringEnumMemberName("agent")]
    Agent,
    [JsonStringEnumMemberName("guardian")]
    Guardian,
    [JsonStringEnumMemberName("legal-representative")]
    LegalRepresentative,
}

/// <summary>The scope of a power of attorney: general, or special authority to settle, withdraw or appeal (CPL art. 62).</summary>
public enum AuthorityScope
{
    [JsonStringEnumMemberName("general")]
    General,
    [JsonStringEnumMemberName("special")]
    Special,
}

/// <summary>
/// A power a special authority names (CPL art. 62: settling, withdrawing and appealing need the party's special authority).
/// </summary>
public enum SpecialPower
{
    [JsonStringEnumMemberName("settle")]
    Settle,
    [JsonStringEnumMemberName("withdraw")]
    Withdraw,
    [JsonStringEnumMemberName("appeal")]
    Appeal,
}

/// <summary>
/// Someone who acts for a party. <see cref="PendingSince"/>: an account that presented the party's link code to act for it,
/// waiting for a clerk to accept its power of attorney; until then it acts for no one.
/// </summary>
public sealed record Representative(
    RepresentativeKind Kind,
    string Name,
    string? UserId,
    string? LicenceNumber,
    string? Firm,
    AuthorityScope Scope,
    IReadOnlyList<SpecialPower> SpecialPowers,
    DateTimeOffset? PendingSince = null)
{
    public bool MayActFor(string userId) => PendingSince is null && UserId is not null && string.Equals(UserId, userId,
        StringComparison.Ordinal);

    public bool Holds(SpecialPower power) => Kind is RepresentativeKind.Guardian or RepresentativeKind.LegalRepresentative
        || (Scope == AuthorityScope.Special && SpecialPowers.Contains(power));
}

/// <summary>
/// The powers of a special authority (CPL art. 62): a power of attorney names each it grants, so a special authority names
/// one to all three, each once.
/// </summary>
public static class SpecialPowers
{
    /// <summary>Every power there is: settle, withdraw, appeal.</summary>
    public const int Max = 3;

    /// <summary>Why the powers a special authority names are not a list of its powers, or null.</summary>
    public static string? Problem(IReadOnlyCollection<SpecialPower> powers) =>
        powers.Count == 0 ? "A special authority names its powers: settle, withdraw, appeal."
        : powers.Distinct().Count() != powers.Count ? "A special authority names each of its powers once: settle, withdraw, appeal."
        : null;
}
