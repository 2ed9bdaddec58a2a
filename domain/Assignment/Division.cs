using System.Text.Json.Serialization;

namespace ECourt.Domain.Assignment;

/// <summary>The divisions of a court (庭): each judge, clerk and enforcement officer belongs to one.</summary>
public enum Division
{
    /// <summary>Registers filings (立案庭): reviews them, decides fee aid before a case is accepted, serves its documents.</summary>
    [JsonStringEnumMemberName("filing")]
    Filing,
    [JsonStringEnumMemberName("civil")]
    Civil,
    [JsonStringEnumMemberName("commercial")]
    Commercial,
    [JsonStringEnumMemberName("administrative")]
    Administrative,
    [JsonStringEnumMemberName("enforcement")]
    Enforcement,
}
