using ECourt.Domain.Cases;
using ECourt.Domain.Courts;
using ECourt.Domain.Fees;
using ECourt.Domain.Money;
using ECourt.Domain.Payments;

namespace ECourt.Domain.Tests;

public class FeeScheduleTests
{
    private static readonly FeeSchedule Harbin = new(CourtDirectory.Harbin.FeeFigures);

    // Check values given with the schedule in DOMAIN.md (Measures art. 13(1)).
    [Theory]
    [InlineData("100000", "2300.00")]
    [InlineData("1000000", "13800.00")]
    [InlineData("10000000", "81800.00")]
    [InlineData("10000", "50.00")]
    [InlineData("0", "50.00")]
    // 50 + 2.5% of 10,000 (the part from 10,000 to 20,000).
    [InlineData("20000", "300.00")]
    // 141,800 up to 20,000,000 plus 0.5% of the 10,000,000 above it.
    [InlineData("30000000", "191800.00")]
    // 50 + 2.5% × 0.01 = 50.00025 → 50.00 (rounded once, half up, to the fen).
    [InlineData("10000.01", "50.00")]
    // 50 + 2.5% × 0.20 = 50.005 → 50.01 (half up).
    [InlineData("10000.20", "50.01")]
    public void Property_ClaimedAmount_CumulativeBands(string amount, string fee)
    {
        var quote = Harbin.Quote(FeeCaseType.Property, decimal.Parse(amount), Procedure.Ordinary);
        Assert.Equal(fee, Yuan.Format(quote.Fee));
    }

    [Theory]
    [InlineData(Procedure.Simplified, "1150.00")]
    [InlineData(Procedure.SmallClaims, "1150.00")]
    [InlineData(Procedure.Ordinary, "2300.00")]
    public void Property_SimplifiedProcedure_AcceptanceFeeHalved(Procedure procedure, string fee) =>
        Assert.Equal(fee, Yuan.Format(Harbin.Quote(FeeCaseType.Property, 100_000m, procedure).Fee));

    [Fact]
    public void Halving_RoundsOnceAfterHalving()
    {
        // 50 + 2.5% × 0.20 = 50.005; halved 25.0025 → 25.00. Rounding before halving would give 50.01 / 2 = 25.005 → 25.01.
        Assert.Equal(25.00m, Harbin.Quote(FeeCaseType.Property, 10_000.20m, Procedure.Simplified).Fee);
    }

    [Theory]
    // 50 + 1.5% of 490,000 + 1% of 500,000 = 12,400.
    [InlineData("1000000", "12400.00")]
    [InlineData("10000", "50.00")]
    // 50 + 1.5% of 490,000 = 7,400.
    [InlineData("500000", "7400.00")]
    // 7,400 + 1% of 4,500,000 = 52,400.
    [InlineData("5000000", "52400.00")]
    // 52,400 + 0.5% of 5,000,000 = 77,400; + 0.1% of 10,000,000 = 87,400.
    [InlineData("20000000", "87400.00")]
    public void Enforcement_NeverHalved(string amount, string fee)
    {
        Assert.Equal(fee, Yuan.Format(Harbin.Quote(FeeCaseType.Enforcement, decimal.Parse(amount), Procedure.Simplified).Fee));
    }

    [Theory]
    [InlineData("500", "30.00")]
    // 30 + 1% of 99,000 = 1,020.
    [InlineData("100000", "1020.00")]
    // 1,020 + 0.5% of 400,000 = 3,020.
    [InlineData("500000", "3020.00")]
    // 1,020 + 0.5% of 9,900,000 = 50,520 → capped at 5,000.
    [InlineData("10000000", "5000.00")]
    public void Preservation_CappedAt5000_NeverHalved(string amount, string fee) =>
        Assert.Equal(fee, Yuan.Format(Harbin.Quote(FeeCaseType.Preservation, decimal.Parse(amount), Procedure.Simplified).Fee));

    [Fact]
    public void Preservation_NoAmountInvolved_30PerCase()
    {
        // Measures art. 14(2): "不超过1000元或者不涉及财产数额的，每件交纳30元".
        var quote = Harbin.Quote(FeeCaseType.Preservation, null, Procedure.Ordinary);
        Assert.Equal("30.00", Yuan.Format(quote.Fee));
        Assert.Contains("art. 14(2)", quote.Basis);
    }

    [Fact]
    public void Divorce_CourtFigurePlusHalfPercentAbove200000()
    {
        // Harbin's figure 200 + 0.5% of (300,000 − 200,000) = 700.
        Assert.Equal(700m, Harbin.Quote(FeeCaseType.Divorce, 300_000m, Procedure.Ordinary).Fee);
        Assert.Equal(200m, Harbin.Quote(FeeCaseType.Divorce, null, Procedure.Ordinary).Fee);
        Assert.Equal(100m, Harbin.Quote(FeeCaseType.Divorce, 150_000m, Procedure.Simplified).Fee);
    }

    [Fact]
    public void Personality_CourtFigurePlusDamagesBands()
    {
        // 300 + 1% of 50,000 (50,000–100,000) + 0.5% of 100,000 (above 100,000) = 1,300.
        Assert.Equal(1300m, Harbin.Quote(FeeCaseType.Personality, 200_000m, Procedure.Ordinary).Fee);
        // 300 + 1% of 10,000 = 400.
        Assert.Equal(400m, Harbin.Quote(FeeCaseType.Personality, 60_000m, Procedure.Ordinary).Fee);
        Assert.Equal(300m, Harbin.Quote(FeeCaseType.Personality, 40_000m, Procedure.Ordinary).Fee);
    }

    [Theory]
    [InlineData(FeeCaseType.Labour, "10.00")]
    [InlineData(FeeCaseType.Administrative, "50.00")]
    [InlineData(FeeCaseType.AdministrativeSpecial, "100.00")]
    [InlineData(FeeCaseType.OtherNonProperty, "80.00")]
    [InlineData(FeeCaseType.JurisdictionObjection, "80.00")]
    [InlineData(FeeCaseType.IntellectualProperty, "800.00")]
    [InlineData(FeeCaseType.Enforcement, "300.00")]
    public void FixedFees_PerCase(FeeCaseType type, string fee) =>
        Assert.Equal(fee, Yuan.Format(Harbin.Quote(type, null, Procedure.Ordinary).Fee));

    [Fact]
    public void Labour_Simplified_Halved() => Assert.Equal(5m, Harbin.Quote(FeeCaseType.Labour, null, Procedure.Simplified).Fee);

    [Fact]
    public void IntellectualProperty_WithAmount_PropertyScale() =>
        Assert.Equal(2300m, Harbin.Quote(FeeCaseType.IntellectualProperty, 100_000m, Procedure.Ordinary).Fee);

    [Fact]
    public void CourtFigure_OutsideNationalRange_Refused()
    {
        var ex = Assert.Throws<DomainRuleException>(() => new CourtFeeFigures(new DateOnly(2026, 1, 1), 301m, 300m, 80m, 800m, 80m, 300m));
        Assert.Equal("court-fee-figure-out-of-range", ex.Rule);
    }

    [Theory]
    [InlineData("-1", "amount-negative")]
    [InlineData("1.001", "amount-over-precise")]
    public void Quote_BadAmount_Refused(string amount, string rule)
    {
        var ex = Assert.Throws<DomainRuleException>(() => Harbin.Quote(FeeCaseType.Property, decimal.Parse(amount), Procedure.Ordinary));
        Assert.Equal(rule, ex.Rule);
    }

    [Fact]
    public void Property_WithoutAmount_Refused() =>
        Assert.Equal("amount-required", Assert.Throws<DomainRuleException>(() => Harbin.Quote(FeeCaseType.Property, null, Procedure.Ordinary)).Rule);

    [Theory]
    [InlineData("2300.00", true)]
    [InlineData("2300", true)]
    [InlineData("-5.00", false)]
    [InlineData("1.234", false)]
    [InlineData("1e5", false)]
    [InlineData("", false)]
    public void Yuan_Parse(string text, bool ok) => Assert.Equal(ok, Yuan.TryParse(text, out _, out _));
}

public class CourtDirectoryTests
{
    [Fact]
    public void TwoCourts_OneSettlementPrefix_Refused_EachItsOwn_Served()
    {
        var sharing = CourtDirectory.HarbinDaoli with { SettlementAccountPrefix = CourtDirectory.Harbin.SettlementAccountPrefix };
        var refused = Assert.Throws<ArgumentException>(() => new CourtDirectory([CourtDirectory.Harbin, sharing], "黑01"));
        Assert.Contains("黑01 and 黑0102 share the settlement account prefix 62170001", refused.Message);
        Assert.Equal(2, new CourtDirectory([CourtDirectory.Harbin, CourtDirectory.HarbinDaoli], "黑01").All.Count());
    }

    /// <summary>A case's account is a sub-account under its court's settlement account: it starts with the court's prefix.</summary>
    [Theory]
    [InlineData("6217000126110000013", "黑01")]
    [InlineData("6217000226110000011", "黑0102")]
    [InlineData("6217000326110000019", null)]
    [InlineData("621700012", "黑01")]
    [InlineData("1234567890123456789", null)]
    public void AccountNumber_UnderTheSettlementAccountItsPrefixNames(string account, string? court) =>
        Assert.Equal(court, CourtDirectory.HarbinGroup.ByAccountNumber(account)?.Code);

    /// <summary>
    /// A deposit in suspense is kept by the court whose settlement account received it; one to a number in no court's range by
    /// the court the deployment names, else its default court.
    /// </summary>
    [Theory]
    [InlineData("6217000198110009996", null, "黑01")]
    [InlineData("6217000298110000018", null, "黑0102")]
    [InlineData("6217000298110000018", "黑01", "黑0102")]
    [InlineData("1234567890123456789", null, "黑01")]
    [InlineData("1234567890123456789", "", "黑01")]
    [InlineData("1234567890123456789", "黑0102", "黑0102")]
    public void SuspenseDeposit_KeptByTheCourtOfItsAccountRange_ElseTheNamedCourt(string account, string? unmatchedCourt, string court) =>
        Assert.Equal(court, SuspenseRules.CourtOf(account, CourtDirectory.HarbinGroup, unmatchedCourt));

    [Fact]
    public void SuspenseDeposit_NamedCourtNotServed_Refused() =>
        Assert.Equal("unknown-court",
            Assert.Throws<DomainRuleException>(() => SuspenseRules.CourtOf("1234567890123456789", CourtDirectory.HarbinGroup, "京01"))
                .Rule);
}
