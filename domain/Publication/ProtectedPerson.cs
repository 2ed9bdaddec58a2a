using System.Text.Json.Serialization;

namespace ECourt.Domain.Publication;

/// <summary>A person's part in the case as a judgment names them (API.md: the redaction preview's roles).</summary>
public enum PersonRole
{
    [JsonStringEnumMemberName("plaintiff")]
    Plaintiff,
    [JsonStringEnumMemberName("defendant")]
    Defendant,
    [JsonStringEnumMemberName("third-party")]
    ThirdParty,
    [JsonStringEnumMemberName("legal-representative")]
    LegalRepresentative,
    [JsonStringEnumMemberName("agent")]
    Agent,
    [JsonStringEnumMemberName("witness")]
    Witness,
    [JsonStringEnumMemberName("victim")]
    Victim,
    [JsonStringEnumMemberName("appraiser")]
    Appraiser,
    [JsonStringEnumMemberName("judge")]
    Judge,
}

/// <summary>What kind of case a judgment ends, as far as publication rules tell them apart.</summary>
public enum JudgmentCaseKind
{
    /// <summary>Civil, commercial, administrative and the rest: the parties' names are kept.</summary>
    Ordinary,
    /// <summary>Marriage (divorce), family and inheritance: the parties and their legal representatives are pseudonymised.</summary>
    Family,
    /// <summary>Criminal: victims, witnesses and appraisers are pseudonymised.</summary>
    Criminal,
}

/// <summary>
/// A person the case record knows: name, role, whether a natural person, a minor, of an ethnic minority or foreign (their names are
/// pseudonymised differently), and the identifiers the text may carry (each deleted wherever it appears).
/// </summary>
public sealed record ProtectedPerson(string Name, PersonRole Role, bool Organisation = false, bool Minor = false,
    bool EthnicMinority = false, bool Foreign = false, string? IdNumber = null, string? Phone = null, string? Address = null);
