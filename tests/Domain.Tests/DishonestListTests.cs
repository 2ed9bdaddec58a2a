using ECourt.Domain.Cases;
using ECourt.Domain.Enforcement;
using static ECourt.Domain.Tests.EnforcementTestCases;

namespace ECourt.Domain.Tests;

/// <summary>
/// The dishonest list (SPC Provisions on the List of Dishonest Judgment Debtors, 2017, arts. 1–4, 6, 10) and the consumption
/// restriction (SPC Provisions on Restricting High Consumption, 2015, arts. 1, 9): never a minor; not where frozen assets cover what
/// is owed; the term by ground; removal on full performance and at the term's end; the public listing with the identity number
/// masked. The case: 王建国 (party 2) owes 100,000 and the 1,400 fee, 101,400.
/// </summary>
public class DishonestListTests
{
    private const string DecidedAt = "2026-10-16T10:00";

    private static (CourtCase Case, CaseEvent Event) List(CourtCase c, DishonestGround ground = DishonestGround.AbleButRefusing,
        int extraYears = 0, int debtor = 2, string at = DecidedAt) =>
        DishonestList.List(c, Officer, debtor, ground, extraYears, "有存款而拒不履行", "docdl1", China(at), Calc, Policy.SupervisionWorkingDays);

    private static string Refused(CourtCase c, DishonestGround ground = DishonestGround.AbleButRefusing, int extraYears = 0,
        int debtor = 2) =>
        Rule(() => List(c, ground, extraYears, debtor));

    [Fact]
    public void AMinor_NeverListed()
    {
        // 张小明 (a minor, original party 5) is the debtor, party 2 of the enforcement case.
        var c = Opened(original: Original(CaseStatus.Effective, new Ordered(5, 4, 100_000m, "2026-08-20")));
        Assert.Equal("dishonest-minor", Refused(c));
        Assert.Equal("dishonest-minor", Refused(c, DishonestGround.Obstructing));
    }

    [Fact]
    public void OnlyADebtor() => Assert.Equal("not-a-debtor", Refused(Enforcing(), debtor: 1));

    [Fact]
    public void FrozenAssetsCoveringWhatIsOwed_Refused()
    {
        // Art. 3(2): assets the court controls enough to pay the debt the judgment orders (100,000; the fee is not the creditor's debt).
        Assert.Equal("dishonest-debt-secured", Refused(Enforcing().Frozen(100_000m)));
        // 30,000 received: 70,000 of the debt unpaid; 70,000 frozen covers it.
        Assert.Equal("dishonest-debt-secured", Refused(Enforcing().Credited(30_000m, "2026-09-28T10:00").Frozen(70_000m)));
        // Performed in full: nothing is owed.
        Assert.Equal("dishonest-debt-secured", Refused(Enforcing().Credited(101_400m, "2026-09-28T10:00")));
        // A fen short of 100,000 frozen: listed.
        Assert.Equal(2, Assert.Single(List(Enforcing().Frozen(99_999.99m)).Case.Enforcement!.Listings).Debtor);
    }

    [Fact]
    public void AlreadyListed_Refused()
    {
        var (c, _) = List(Enforcing());
        Assert.Equal("already-listed", Refused(c, DishonestGround.PropertyReport));
    }

    [Theory]
    // Able but refusing: no fixed term, until performance (art. 2 with art. 10).
    [InlineData(DishonestGround.AbleButRefusing, 0, null)]
    // The other grounds: 2 years from the decision of Fri 2026-10-16: 2028-10-16 (art. 2).
    [InlineData(DishonestGround.PropertyReport, 0, "2028-10-16")]
    [InlineData(DishonestGround.Evading, 0, "2028-10-16")]
    // Extended by 1 to 3 years for violence or several grounds: 2029-10-16 to 2031-10-16.
    [InlineData(DishonestGround.Obstructing, 1, "2029-10-16")]
    [InlineData(DishonestGround.Obstructing, 3, "2031-10-16")]
    public void Term_ByGround(DishonestGround ground, int extraYears, string? until)
    {
        var (c, e) = List(Enforcing(), ground, extraYears);
        var listing = Assert.Single(c.Enforcement!.Listings);
        Assert.Equal(until is null ? (DateOnly?)null : Day(until), listing.Until);
        Assert.Equal((2, ground, extraYears, true, false), (listing.Debtor, listing.Ground, listing.ExtraYears, listing.InForce,
            listing.Restriction.InForce));
        Assert.Equal(CaseStatus.Enforcing, c.Status);
        Assert.Contains(until ?? "until performance", e.Reason);
    }

    [Theory]
    [InlineData(DishonestGround.AbleButRefusing, 1)]
    [InlineData(DishonestGround.Obstructing, 4)]
    [InlineData(DishonestGround.SettlementBreach, -1)]
    public void Term_ExtendedOnlyBy1To3Years_OnlyForOtherGrounds(DishonestGround ground, int extraYears) =>
        Assert.Equal("dishonest-term", Refused(Enforcing(), ground, extraYears));

    [Fact]
    public void Keep_RemovesOnFullPerformance_LiftingTheRestriction()
    {
        var (listed, _) = List(Enforcing());
        var (signed, _) = DishonestList.SignRestriction(listed, President, 2, China("2026-10-16T15:00"));
        Assert.True(signed.Enforcement!.Listings[0].Restriction.InForce);
        Assert.Null(DishonestList.Keep(signed, China("2026-10-19T00:00")));
        // 101,400 received on Mon 2026-10-19: taken off within 3 working days: Tue 20, Wed 21, Thu 22.
        var paid = signed.Credited(101_400m, "2026-10-19T10:00");
        Assert.Equal(new DateOnly(2026, 10, 22), DishonestList.RemovalDue(paid.Enforcement!, Calc)!.LastDay);
        var (removed, e) = DishonestList.Keep(paid, China("2026-10-19T10:05"))!.Value;
        var l = removed.Enforcement!.Listings[0];
        Assert.Equal((false, "the debt is performed in full", false), (l.InForce, l.RemovalReason, l.PublicListCurrent));
        Assert.Equal(China("2026-10-19T10:05"), l.Restriction.LiftedAt);
        Assert.False(l.Restriction.InForce);
        Assert.Contains("art. 10", e.Reason);
        Assert.Null(DishonestList.Keep(removed, China("2026-10-20T00:00")));
        Assert.Null(DishonestList.RemovalDue(removed.Enforcement!, Calc));
    }

    [Fact]
    public void Keep_RemovesAfterTheTerm_sLastDay()
    {
        // Listed Fri 2026-10-16 for 2 years: on the list to 24:00 on 2028-10-16.
        var (listed, _) = List(Enforcing(), DishonestGround.PropertyReport);
        Assert.Null(DishonestList.Keep(listed, China("2028-10-16T23:59")));
        var (removed, _) = DishonestList.Keep(listed, China("2028-10-17T00:00"))!.Value;
        Assert.Equal("the listing's term ended", removed.Enforcement!.Listings[0].RemovalReason);
        // Able but refusing has no term: still listed years on, until performance.
        var (refusing, _) = List(Enforcing());
        Assert.Null(DishonestList.Keep(refusing, China("2031-10-17T00:00")));
    }

    [Fact]
    public void SignRestriction_ByThePresident_Once_OnlyForAListedDebtor()
    {
        Assert.Equal("not-listed", Rule(() => DishonestList.SignRestriction(Enforcing(), President, 2, China("2026-10-16T15:00"))));
        var (listed, _) = List(Enforcing());
        var (signed, _) = DishonestList.SignRestriction(listed, President, 2, China("2026-10-16T15:00"));
        var r = signed.Enforcement!.Listings[0].Restriction;
        Assert.Equal(("president-ma", (DateTimeOffset?)China("2026-10-16T15:00"), (DateTimeOffset?)null),
            (r.SignedBy, r.SignedAt, r.LiftedAt));
        Assert.Equal("restriction-signed", Rule(() => DishonestList.SignRestriction(signed, President, 2, China("2026-10-17T15:00"))));
    }

    [Fact]
    public void Remove_ByTheOfficer_LiftsTheRestriction_ThenListedAgainAllowed()
    {
        var (listed, _) = List(Enforcing());
        var signed = DishonestList.SignRestriction(listed, President, 2, China("2026-10-16T15:00")).Case;
        var (removed, _) = DishonestList.Remove(signed, Officer, 2, "纠正申请成立", China("2026-10-20T10:00"), Calc,
            Policy.SupervisionWorkingDays);
        var l = removed.Enforcement!.Listings[0];
        Assert.Equal((false, "纠正申请成立", (DateTimeOffset?)China("2026-10-20T10:00")), (l.InForce, l.RemovalReason, l.Restriction.LiftedAt));
        Assert.Equal("not-listed", Rule(() => DishonestList.Remove(removed, Officer, 2, "again", China("2026-10-21T10:00"), Calc, 6)));
        Assert.Equal(2, List(removed, at: "2026-10-21T10:00").Case.Enforcement!.Listings.Count);
    }

    [Theory]
    // A resident id of 18 characters: the first 6 (the region) and the last 4 shown, 8 hidden.
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("230103198506152316", "230103********2316")]
    // Short numbers (a passport): only the last 4.
    [InlineData("E12345678", "*****5678")]
    public void Mask_First6AndLast4(string id, string masked)
    {
        Assert.Equal(masked, PublicListing.Mask(id));
        Assert.Equal(id[^4..], PublicListing.Suffix(id));
    }

    [Fact]
    public void PublicListing_APerson_sNumberMasked()
    {
        var (c, _) = List(Enforcing());
        var shown = PublicListing.Of(c, c.Enforcement!.Listings[0]);
        Assert.Equal(("王建国", "110105********002X", "002X", "黑01", "（2026）黑01执7号", DishonestGround.AbleButRefusing,
                new DateOnly(2026, 10, 16)),
            (shown.Name, shown.IdNumber, shown.IdSuffix, shown.Court, shown.CaseNumber, shown.Ground, shown.ListedSince));
    }

    [Fact]
    public void PublicListing_AnOrganisation_sCreditCodeShownWhole()
    {
        var c = Opened(original: Original(CaseStatus.Effective, new Ordered(3, 4, 100_000m, "2026-08-20")));
        var (listed, _) = List(c);
        var shown = PublicListing.Of(listed, listed.Enforcement!.Listings[0]);
        Assert.Equal(("哈尔滨某商贸有限公司", CompanyCode, "3D4E"), (shown.Name, shown.IdNumber, shown.IdSuffix));
    }


    [Fact]
    public void FrozenAssetsCoveringTheDebt_DoNotBarListingOnAnotherGround()
    {
        // Art. 3 bars only a listing under art. 1(1) (able but refusing) where frozen assets suffice; a debtor who broke the duty to
        // report property (art. 1(4)) is listed for 2 years all the same.
        var (c, _) = List(Enforcing().Frozen(101_400m), DishonestGround.PropertyReport);
        Assert.Equal(new DateOnly(2028, 10, 16), Assert.Single(c.Enforcement!.Listings).Until);
    }

    [Fact]
    public void TermEnded_ConsumptionRestrictionStays_UntilPerformance()
    {
        // The restriction is lifted on performance, security or the creditor's consent (2015 Provisions art. 9), not when a
        // listing's term ends.
        var (listed, _) = List(Enforcing(), DishonestGround.PropertyReport);
        var signed = DishonestList.SignRestriction(listed, President, 2, China("2026-10-16T15:00")).Case;
        var (removed, _) = DishonestList.Keep(signed, China("2028-10-17T00:00"))!.Value;
        var l = removed.Enforcement!.Listings[0];
        Assert.False(l.InForce);
        Assert.True(l.Restriction.InForce);
    }
}
