using System.Text.Json.Serialization;

namespace ECourt.Domain.Publication;

/// <summary>The case types of the fee schedule, and those publication tells apart besides (API.md: the redaction preview).</summary>
public enum PublicationCaseType
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
    [JsonStringEnumMemberName("inheritance")]
    Inheritance,
    [JsonStringEnumMemberName("family")]
    Family,
    [JsonStringEnumMemberName("criminal")]
    Criminal,
}

public static class PublicationCaseTypes
{
    /// <summary>Marriage, family and inheritance cases pseudonymise their parties; criminal cases their victims and witnesses.</summary>
    public static JudgmentCaseKind Kind(this PublicationCaseType type) => type switch
    {
        PublicationCaseType.Divorce or PublicationCaseType.Family or PublicationCaseType.Inheritance => JudgmentCaseKind.Family,
        PublicationCaseType.Criminal => JudgmentCaseKind.Criminal,
        _ => JudgmentCaseKind.Ordinary,
    };
}
