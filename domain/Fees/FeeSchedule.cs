using ECourt.Domain.Cases;
using ECourt.Domain.Courts;
using ECourt.Domain.Money;

namespace ECourt.Domain.Fees;

/// <summary>
/// The Measures on Payment of Litigation Costs (State Council, 2007): acceptance fees (art. 13),
/// application fees (art. 14), halving (arts. 15, 16). Computed exactly in decimal and rounded
/// once, after halving, to the fen, half up.
/// </summary>
public sealed class FeeSchedule(CourtFeeFigures figures)
{
    /// <summary>Art. 13(1): property cases, cumulative over bands of the claimed amount.</summary>
    public static readonly IReadOnlyList<FeeBand> PropertyBands =
    [
        new(10_000m, 100_000m, 0.025m),
        new(100_000m, 200_000m, 0.02m),
        new(200_000m, 500_000m, 0.015m),
        new(500_000m, 1_000_000m, 0.01m),
        new(1_000_000m, 2_000_000m, 0.009m),
        new(2_000_000m, 5_000_000m, 0.008m),
        new(5_000_000m, 10_000_000m, 0.007m),
        new(10_000_000m, 20_000_000m, 0.006m),
        new(20_000_000m, null, 0.005m),
    ];

    /// <summary>Art. 14(1): enforcement applications with an amount.</summary>
    public static readonly IReadOnlyList<FeeBand> EnforcementBands =
    [
        new(10_000m, 500_000m, 0.015m),
        new(500_000m, 5_000_000m, 0.01m),
        new(5_000_000m, 10_000_000m, 0.005m),
        new(10_000_000m, null, 0.001m),
    ];

    /// <summary>Art. 14(2): preservation applications.</summary>
    public static readonly IReadOnlyList<FeeBand> PreservationBands =
    [
        new(1_000m, 100_000m, 0.01m),
        new(100_000m, null, 0.005m),
    ];

    public const decimal PreservationCeiling = 5_000m;
    /// <summary>Art. 14(2): up to 1,000 yuan of property, or no amount involved, 30 per case.</summary>
    public const decimal PreservationMinimum = 30m;
    public const decimal LabourFee = 10m;
    public const decimal AdministrativeSpecialFee = 100m;
    public const decimal AdministrativeFee = 50m;

    public CourtFeeFigures Figures => figures;

    public FeeQuote Quote(FeeCaseType caseType, decimal? amount, Procedure procedure)
    {
        if (amount is < 0) throw new DomainRuleException("amount-negative", "An amount cannot be negative.", "amount");
        if (amount is { } a && decimal.Round(a, 2) != a)
            throw new DomainRuleException("amount-over-precise", "An amount has at most two decimals (fen).", "amount");

        var (fee, basis) = caseType switch
        {
            FeeCaseType.Property => (Property(Required(amount, caseType)), "Measures art. 13(1): property case, cumulative bands"),
            FeeCaseType.Divorce => (figures.Divorce + Above(amount, 200_000m, 0.005m),
                "Measures art. 13(2)(1): divorce, court figure per case plus 0.5% of divided property above 200,000"),
            FeeCaseType.Personality => (figures.Personality + Between(amount, 50_000m, 100_000m, 0.01m) + Above(amount, 100_000m, 0.005m),
                "Measures art. 13(2)(2): personality rights, court figure per case plus 1% of damages from 50,000 to 100,000 and 0.5% above 100,000"),
            FeeCaseType.OtherNonProperty => (figures.OtherNonProperty, "Measures art. 13(2)(3): other non-property case, court figure"),
            FeeCaseType.IntellectualProperty => amount is { } ipAmount
                ? (Property(ipAmount), "Measures art. 13(3): IP case with an amount, property scale")
                : (figures.IntellectualPropertyNoAmount, "Measures art. 13(3): IP case without an amount, court figure"),
            FeeCaseType.Labour => (LabourFee, "Measures art. 13(4): labour dispute, 10 per case"),
            FeeCaseType.AdministrativeSpecial => (AdministrativeSpecialFee, "Measures art. 13(5): trademark, patent, maritime administrative case, 100 per case"),
            FeeCaseType.Administrative => (AdministrativeFee, "Measures art. 13(5): other administrative case, 50 per case"),
            FeeCaseType.JurisdictionObjection => (figures.JurisdictionObjection, "Measures art. 13(6): failed jurisdiction objection, court figure"),
            FeeCaseType.Enforcement => amount is { } enforced
                ? (CumulativeScale.Apply(enforced, 50m, 10_000m, EnforcementBands), "Measures art. 14(1): enforcement application, cumulative bands; collected from the debtor after enforcement (art. 20)")
                : (figures.EnforcementNoAmount, "Measures art. 14(1): enforcement application without an amount, court figure"),
            FeeCaseType.Preservation => amount is { } preserved
                ? (Math.Min(PreservationCeiling, CumulativeScale.Apply(preserved, PreservationMinimum, 1_000m, PreservationBands)),
                    "Measures art. 14(2): preservation application, cumulative bands, at most 5,000")
                : (PreservationMinimum, "Measures art. 14(2): preservation application involving no amount of property, 30 per case"),
            _ => throw new ArgumentOutOfRangeException(nameof(caseType)),
        };

        if (procedure != Procedure.Ordinary && caseType.IsAcceptanceFee())
        {
            fee /= 2;
            basis += "; halved under simplified procedure (Measures art. 16)";
        }
        return new FeeQuote(caseType, amount, procedure, Yuan.RoundToFen(fee), basis);
    }

    /// <summary>
    /// The fee kinds computed from an amount with no figure to fall back on: a property case's fee is always a
    /// share of the amount claimed (art. 13(1)). Others use a fixed or court figure when no amount is given.
    /// </summary>
    public static bool NeedsAmount(FeeCaseType caseType) => caseType == FeeCaseType.Property;

    public static decimal Property(decimal amount) => CumulativeScale.Apply(amount, 50m, 10_000m, PropertyBands);

    private static decimal Required(decimal? amount, FeeCaseType caseType) =>
        amount ?? throw new DomainRuleException("amount-required", $"A {caseType.WireName()} fee is computed from an amount; give one.", "amount");

    private static decimal Above(decimal? amount, decimal threshold, decimal rate) =>
        amount is { } a && a > threshold ? (a - threshold) * rate : 0m;

    private static decimal Between(decimal? amount, decimal from, decimal to, decimal rate) =>
        amount is { } a && a > from ? (Math.Min(a, to) - from) * rate : 0m;
}
