using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace ECourt.Domain.Parties;

/// <summary>The identity documents a natural person may file with.</summary>
public enum IdentityDocumentType
{
    [JsonStringEnumMemberName("resident-id")]
    ResidentId,
    [JsonStringEnumMemberName("passport")]
    Passport,
    [JsonStringEnumMemberName("hk-macao-permit")]
    HongKongMacaoPermit,
    [JsonStringEnumMemberName("taiwan-permit")]
    TaiwanPermit,
}

public static partial class IdentityDocumentTypes
{
    /// <summary>
    /// What every number of every document above has in common: 5 to 20 letters and digits (a resident id's 18, a
    /// passport's 5 to 20, a permit's 9 or 11); read in capitals, so a resident id's check x may be small.
    /// </summary>
    public const string AnyNumberForm = "^[0-9A-Za-z]{5,20}$";

    /// <summary>Null when the number has the document's form, else what is wrong.</summary>
    public static string? Problem(this IdentityDocumentType type, string? number) => type switch
    {
        IdentityDocumentType.ResidentId => ResidentIdNumber.Problem(number),
        IdentityDocumentType.Passport => number is not null && PassportPattern().IsMatch(number) ? null : "A passport number has 5 to 20 letters and digits.",
        // Mainland Travel Permit for Hong Kong and Macao Residents: H or M and 8 digits (10 for old cards).
        IdentityDocumentType.HongKongMacaoPermit => number is not null && HongKongMacaoPattern().IsMatch(number) ? null : "A Hong Kong or Macao residents' permit number is H or M followed by 8 or 10 digits.",
        // Mainland Travel Permit for Taiwan Residents: 8 digits (10 with the issue count).
        IdentityDocumentType.TaiwanPermit => number is not null && TaiwanPattern().IsMatch(number) ? null : "A Taiwan residents' permit number has 8 or 10 digits.",
        _ => "Unknown identity document.",
    };

    [GeneratedRegex("^[A-Z0-9]{5,20}$")]
    private static partial Regex PassportPattern();

    [GeneratedRegex("^[HM]([0-9]{8}|[0-9]{10})$")]
    private static partial Regex HongKongMacaoPattern();

    [GeneratedRegex("^([0-9]{8}|[0-9]{10})$")]
    private static partial Regex TaiwanPattern();
}
