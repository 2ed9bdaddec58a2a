using ECourt.Domain;
using ECourt.Functions.Composition;
using Microsoft.Extensions.Configuration;

namespace ECourt.Integration.Tests;

public class CourtConfigurationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static (string, string)[] Daoli(string divorce = "150") =>
    [
        ("ECourt:Courts:黑0102:Name", "黑龙江省哈尔滨市道里区人民法院"),
        ("ECourt:Courts:黑0102:SettlementAccountPrefix", "62170002"),
        ("ECourt:Courts:黑0102:Fees:EffectiveFrom", "2026-01-01"),
        ("ECourt:Courts:黑0102:Fees:Divorce", divorce),
        ("ECourt:Courts:黑0102:Fees:Personality", "100"),
        ("ECourt:Courts:黑0102:Fees:OtherNonProperty", "50"),
        ("ECourt:Courts:黑0102:Fees:IntellectualPropertyNoAmount", "500"),
        ("ECourt:Courts:黑0102:Fees:JurisdictionObjection", "50"),
        ("ECourt:Courts:黑0102:Fees:EnforcementNoAmount", "50"),
        ("ECourt:Courts:黑0102:CorrectionCureDays", "10"),
    ];

    [Fact]
    public void ConfiguredCourt_ServesWithItsFigures()
    {
        var courts = CourtConfiguration.Read(Config(Daoli()));
        Assert.Equal("黑0102", courts.DefaultCourt.Code);
        Assert.Equal(150m, courts.DefaultCourt.FeeFigures.Divorce);
        Assert.Equal(10, courts.DefaultCourt.LocalRules.CorrectionCureDays);
        Assert.Equal(1, courts.DefaultCourt.LocalRules.FeeGraceWorkingDays);
        Assert.False(courts.TryGet("黑01", out _));
    }

    [Fact]
    public void FigureOutsideTheNationalRange_StopsTheApp() =>
        Assert.Equal("court-fee-figure-out-of-range", Assert.IsType<DomainRuleException>(
            Assert.Throws<InvalidOperationException>(() => CourtConfiguration.Read(Config(Daoli(divorce: "400")))).InnerException).Rule);

    [Fact]
    public void NothingConfigured_TheHarbinGroup() =>
        Assert.Equal("黑01", CourtConfiguration.Read(Config()).DefaultCourt.Code);

    [Fact]
    public void DefaultCourtNotServed_StopsTheApp() =>
        Assert.Contains("ECourt:DefaultCourt",
            Assert.Throws<InvalidOperationException>(() => CourtConfiguration.Read(Config([.. Daoli(), ("ECourt:DefaultCourt", "京01")]))).Message);
}
