using System.Text.Json.Serialization;

namespace ECourt.Domain.Parties;

/// <summary>How someone acts for a party: a lawyer or other agent under a power of attorney, a guardian for a minor or incapacitated person, or an organisation's legal representative.</summary>
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

public enum SpecialPower
{
    [JsonStringEnumMemberName("settle")]
    Settle,
    [JsonStringEnumMemberName("withdraw")]
    Withdraw,
    [JsonStringEnumMemberName("appeal")]
    Appeal,
}

public sealed record Representative(
    RepresentativeKind Kind,
    string Name,
    string? UserId,
    string? LicenceNumber,
    string? Firm,
    AuthorityScope Scope,
    IReadOnlyList<SpecialPower> SpecialPowers)
{
    public bool MayActFor(string userId) => UserId is not null && string.Equals(UserId, userId, StringComparison.Ordinal);

    public bool Holds(SpecialPower power) => Kind is RepresentativeKind.Guardian or RepresentativeKind.LegalRepresentative
        || (Scope == AuthorityScope.Special && SpecialPowers.Contains(power));
}
