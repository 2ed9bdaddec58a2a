using System.Text.Json.Serialization;

namespace ECourt.Domain.Cases;

/// <summary>The kinds of case and application, as the Measures on Payment of Litigation Costs (2007) arts. 13 and 14 price them.</summary>
public enum FeeCaseType
{
    [JsonStringEnumMemberName("property")]
    Property,
    [JsonStringEnumMemberName("divorce")]
    Divorce,
    [JsonStringEnumMemberName("personality")]
    Personality,
    [JsonStringEnumMemberName("other-non-property")]
    OtherNonProperty,
    [JsonStringEnumMemberName("ip")]
    IntellectualProperty,
    [JsonStringEnumMemberName("labour")]
    Labour,
    [JsonStringEnumMemberName("administrative")]
    Administrative,
    [JsonStringEnumMemberName("administrative-special")]
    AdministrativeSpecial,
    [JsonStringEnumMemberName("jurisdiction-objection")]
    JurisdictionObjection,
    [JsonStringEnumMemberName("enforcement")]
    Enforcement,
    [JsonStringEnumMemberName("preservation")]
    Preservation,
}

public static class FeeCaseTypes
{
    /// <summary>Acceptance fees (art. 13) may be halved; application fees (art. 14) never.</summary>
    public static bool IsAcceptanceFee(this FeeCaseType type) => type is not (FeeCaseType.Enforcement or FeeCaseType.Preservation);
}
