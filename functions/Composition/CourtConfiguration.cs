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
/// or, where setting names are ASCII only (App Service): ECourt__Courts__0__Code=黑01, ECourt__Courts__0__Name=…
/// ECourt__Courts__黑01__FeeGraceWorkingDays=1
/// ECourt__DefaultCourt=黑01
/// </example>
public static class CourtConfiguration
{
    /// <summary>The configured courts, or the Harbin group when none is configured (local runs and tests).</summary>
    public static CourtDirectory Read(IConfiguration configuration) =>
        Read(configuration, sampleWhenNone: true) ?? throw new InvalidOperationException("No courts.");

    /// <summary>The configured courts; with none, the Harbin group if <paramref name="sampleWhenNone"/>, else null.</summary>
    /// <exception cref="InvalidOperationException">
    /// naming the setting: a court's setting missing or malformed, a figure outside its national range, two courts
    /// sharing a settlement prefix, a default court not among them
    /// </exception>
    public static CourtDirectory? Read(IConfiguration configuration, bool sampleWhenNone)
    {
        var courts = configuration.GetSection("ECourt:Courts").GetChildren().Select(Court).ToList();
        if (courts.Count == 0)
        {
            if (!sampleWhenNone) return null;
            courts = CourtDirectory.HarbinGroup.All.ToList();
        }
        var defaultCourt = configuration["ECourt:DefaultCourt"] is { Length: > 0 } d ? d : courts[0].Code;
        try
        {
            return new CourtDirectory(courts, defaultCourt);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"ECourt:Courts, ECourt:DefaultCourt: {ex.Message}", ex);
        }
    }

    private static Court Court(IConfigurationSection c)
    {
        var at = $"ECourt:Courts:{c.Key}";
        var code = c["Code"] is { Length: > 0 } given ? given : c.Key;
        string Required(string key) => c[key] is { Length: > 0 } v ? v : throw new InvalidOperationException($"{at}:{key} is not set.");
        T Parsed<T>(string key, string value, Func<string, T?> parse, string form) where T : struct =>
            parse(value) ?? throw new InvalidOperationException($"{at}:{key} is {form}; it is \"{value}\".");
        decimal Figure(string key) => Parsed("Fees:" + key, Required("Fees:" + key), Amount, "an amount in yuan");
        int Whole(string key, int fallback) => c[key] is { Length: > 0 } v ? Parsed(key, v, WholeNumber, "a whole number") : fallback;

        var prefix = Required("SettlementAccountPrefix");
        if (prefix.Length != 8 || !prefix.All(char.IsAsciiDigit))
            throw new InvalidOperationException($"{at}:SettlementAccountPrefix has 8 digits.");
        var effective = Parsed("Fees:EffectiveFrom", Required("Fees:EffectiveFrom"), Day, "a date (yyyy-MM-dd)");
        CourtFeeFigures figures;
        try
        {
            figures = new CourtFeeFigures(effective, Figure("Divorce"), Figure("Personality"), Figure("OtherNonProperty"),
                Figure("IntellectualPropertyNoAmount"), Figure("JurisdictionObjection"), Figure("EnforcementNoAmount"));
        }
        catch (Domain.DomainRuleException ex)
        {
            throw new InvalidOperationException($"{at}:Fees: {ex.Message}", ex);
        }
        var rules = new CourtLocalRules(Whole("CorrectionCureDays", 15), Whole("FeeGraceWorkingDays", 1));
        if (rules.CorrectionCureDays is < 1 or > 90 || rules.FeeGraceWorkingDays is < 0 or > 10)
            throw new InvalidOperationException($"{at}: CorrectionCureDays is 1–90 and FeeGraceWorkingDays 0–10.");
        return new Court(code, Required("Name"), prefix, figures, rules);
    }

    private static decimal? Amount(string v) => decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static int? WholeNumber(string v) => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateOnly? Day(string v) =>
        DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
