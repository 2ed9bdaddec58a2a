namespace ECourt.Domain.Fees;

/// <summary>The kinds of fee in the Measures on Payment of Litigation Costs (2007), arts. 13 and 14.</summary>
public enum FeeCaseType
{
    Property,
    Divorce,
    Personality,
    OtherNonProperty,
    IntellectualProperty,
    Labour,
    Administrative,
    AdministrativeSpecial,
    JurisdictionObjection,
    Enforcement,
    Preservation,
}

public static class FeeCaseTypes
{
    private static readonly Dictionary<string, FeeCaseType> ByName = new()
    {
        ["property"] = FeeCaseType.Property,
        ["divorce"] = FeeCaseType.Divorce,
        ["personality"] = FeeCaseType.Personality,
        ["other-non-property"] = FeeCaseType.OtherNonProperty,
        ["ip"] = FeeCaseType.IntellectualProperty,
        ["labour"] = FeeCaseType.Labour,
        ["administrative"] = FeeCaseType.Administrative,
        ["administrative-special"] = FeeCaseType.AdministrativeSpecial,
        ["jurisdiction-objection"] = FeeCaseType.JurisdictionObjection,
        ["enforcement"] = FeeCaseType.Enforcement,
        ["preservation"] = FeeCaseType.Preservation,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string? name, out FeeCaseType type) => ByName.TryGetValue(name ?? "", out type);

    public static string Name(this FeeCaseType type) => ByName.First(p => p.Value == type).Key;

    /// <summary>Acceptance fees (art. 13) may be halved; application fees (art. 14) never.</summary>
    public static bool IsAcceptanceFee(this FeeCaseType type) => type is not (FeeCaseType.Enforcement or FeeCaseType.Preservation);
}
