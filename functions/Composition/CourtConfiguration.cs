using System.Globalization;
using ECourt.Domain.Courts;
using Microsoft.Extensions.Configuration;

namespace ECourt.Functions.Composition;

/// <summary>
/// The courts a deployment serves, from configuration (ECourt:Courts:{code}:…), or the Harbin group
/// when none is configured. Every figure is checked against its national range when the app starts,
/// so a wrong setting stops the app instead of producing wrong fees.
/// </summary>
/// <example>
/// ECourt__Courts__黑01__Name=黑龙江省哈尔滨市中级人民法院
/// ECourt__Courts__黑01__SettlementAccountPrefix=62170001
/// ECourt__Courts__黑01__Fees__EffectiveFrom=2007-04-01
/// ECourt__Courts__黑01__Fees__Divorce=200   (and Personality, OtherNonProperty, IntellectualPropertyNoAmount,
///                                            JurisdictionObjection, EnforcementNoAmount)
/// ECourt__Courts__黑01__CorrectionCureDays=15
/// ECourt__Courts__黑01__FeeGraceWorkingDays=1
/// ECourt__DefaultCourt=黑01
/// </example>
public static class CourtConfiguration
{
    public static CourtDirectory Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("ECourt:Courts");
        var courts = section.GetChildren().Select(Court).ToList();
        if (courts.Count == 0) courts = CourtDirectory.HarbinGroup.All.ToList();
        var defaultCourt = configuration["ECourt:DefaultCourt"] ?? courts[0].Code;
        return new CourtDirectory(courts, defaultCourt);
    }

    private static Court Court(IConfigurationSection c)
    {
        string Required(string key) => c[key] is { Length: > 0 } v ? v : throw new InvalidOperationException($"ECourt:Courts:{c.Key}:{key} is not set.");
        decimal Figure(string key) => decimal.Parse(Required("Fees:" + key), NumberStyles.Number, CultureInfo.InvariantCulture);
        int Whole(string key, int fallback) => c[key] is { Length: > 0 } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        var prefix = Required("SettlementAccountPrefix");
        if (prefix.Length != 8 || !prefix.All(char.IsAsciiDigit))
            throw new InvalidOperationException($"ECourt:Courts:{c.Key}:SettlementAccountPrefix has 8 digits.");
        var figures = new CourtFeeFigures(
            DateOnly.ParseExact(Required("Fees:EffectiveFrom"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Figure("Divorce"), Figure("Personality"), Figure("OtherNonProperty"),
            Figure("IntellectualPropertyNoAmount"), Figure("JurisdictionObjection"), Figure("EnforcementNoAmount"));
        var rules = new CourtLocalRules(Whole("CorrectionCureDays", 15), Whole("FeeGraceWorkingDays", 1));
        if (rules.CorrectionCureDays is < 1 or > 90 || rules.FeeGraceWorkingDays is < 0 or > 10)
            throw new InvalidOperationException($"ECourt:Courts:{c.Key}: CorrectionCureDays is 1–90 and FeeGraceWorkingDays 0–10.");
        return new Court(c.Key, Required("Name"), prefix, figures, rules);
    }
}
