
using ECourt.Domain.Cases;

namespace ECourt.Domain.Numbering;

/// <summary>
/// Case-type codes of the SPC's case numbering rules: 民初 civil first instance, 行初 administrative first instance, 执 enforcement.
/// </summary>
public static class CaseTypeCode
{
    public const string CivilFirstInstance = "民初";
    public const string AdministrativeFirstInstance = "行初";

    /// <summary>执: first enforcement of a judgment (SPC Provisions on Case Numbers, 2015 revision, annex).</summary>
    public const string Enforcement = "执";

    /// <summary>The kinds of case a party can file online today.</summary>
    public static bool IsFileable(FeeCaseType type) => TryFor(type, out _);

    public static bool TryFor(FeeCaseType type, out string code)
    {
        code = type switch
        {
            FeeCaseType.Property or FeeCaseType.Divorce or FeeCaseType.Personality or FeeCaseType.OtherNonProperty
                or FeeCaseType.IntellectualProperty or FeeCaseType.Labour => CivilFirstInstance,
            FeeCaseType.Administrative or FeeCaseType.AdministrativeSpecial => AdministrativeFirstInstance,
            _ => "",
        };
        return code.Length > 0;
    }
}
