using System.Text.RegularExpressions;

namespace ECourt.Domain.Parties;

/// <summary>The identity documents a natural person may file with.</summary>
public enum IdentityDocumentType
{
    ResidentId,
    Passport,
    HongKongMacaoPermit,
    TaiwanPermit,
}

public static partial class IdentityDocumentTypes
{
    public static bool TryParse(string? name, out IdentityDocumentType type)
    {
        switch (name)
        {
            case null or "" or "resident-id": type = IdentityDocumentType.ResidentId; return true;
            case "passport": type = IdentityDocumentType.Passport; return true;
            case "hk-macao-permit": type = IdentityDocumentType.HongKongMacaoPermit; return true;
            case "taiwan-permit": type = IdentityDocumentType.TaiwanPermit; return true;
            default: type = default; return false;
        }
    }

    public static string Name(this IdentityDocumentType type) => type switch
    {
        IdentityDocumentType.ResidentId => "resident-id",
        IdentityDocumentType.Passport => "passport",
        IdentityDocumentType.HongKongMacaoPermit => "hk-macao-permit",
        IdentityDocumentType.TaiwanPermit => "taiwan-permit",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

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
