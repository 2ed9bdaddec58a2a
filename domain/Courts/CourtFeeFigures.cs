namespace ECourt.Domain.Courts;

/// <summary>
/// The figures a court (by its province's rule) chooses inside the national ranges, dated by when
/// they take effect. Each is checked against its range when the figures are created.
/// </summary>
public sealed record CourtFeeFigures
{
    public static readonly FeeRange DivorceRange = new("divorce (per case)", 50m, 300m, "Measures art. 13(2)(1)");
    public static readonly FeeRange PersonalityRange = new("personality rights (per case)", 100m, 500m, "Measures art. 13(2)(2)");
    public static readonly FeeRange OtherNonPropertyRange = new("other non-property cases", 50m, 100m, "Measures art. 13(2)(3)");
    public static readonly FeeRange IntellectualPropertyRange = new("IP cases without an amount", 500m, 1000m, "Measures art. 13(3)");
    public static readonly FeeRange JurisdictionObjectionRange = new("failed jurisdiction objection", 50m, 100m, "Measures art. 13(6)");
    public static readonly FeeRange EnforcementNoAmountRange = new("enforcement without an amount", 50m, 500m, "Measures art. 14(1)");

    public CourtFeeFigures(DateOnly effectiveFrom, decimal divorce, decimal personality, decimal otherNonProperty,
        decimal intellectualPropertyNoAmount, decimal jurisdictionObjection, decimal enforcementNoAmount)
    {
        DivorceRange.Check(divorce);
        PersonalityRange.Check(personality);
        OtherNonPropertyRange.Check(otherNonProperty);
        IntellectualPropertyRange.Check(intellectualPropertyNoAmount);
        JurisdictionObjectionRange.Check(jurisdictionObjection);
        EnforcementNoAmountRange.Check(enforcementNoAmount);
        EffectiveFrom = effectiveFrom;
        Divorce = divorce;
        Personality = personality;
        OtherNonProperty = otherNonProperty;
        IntellectualPropertyNoAmount = intellectualPropertyNoAmount;
        JurisdictionObjection = jurisdictionObjection;
        EnforcementNoAmount = enforcementNoAmount;
    }

    public DateOnly EffectiveFrom { get; }
    public decimal Divorce { get; }
    public decimal Personality { get; }
    public decimal OtherNonProperty { get; }
    public decimal IntellectualPropertyNoAmount { get; }
    public decimal JurisdictionObjection { get; }
    public decimal EnforcementNoAmount { get; }
}
