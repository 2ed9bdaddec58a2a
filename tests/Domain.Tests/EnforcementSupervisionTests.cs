using ECourt.Domain.Access;
using ECourt.Domain.Cases;
using ECourt.Domain.Enforcement;
using static ECourt.Domain.Tests.EnforcementTestCases;

namespace ECourt.Domain.Tests;

/// <summary>
/// Supervision (issue 19: a case with no act for the court's working days, 6 here, is flagged for the division head; SPC Provisions
/// on Enforcement Time Limits art. 1: 6 months from filing) and closing (执行完毕: performed in full, the fee included, the creditor's
/// share paid out, no payout open, nobody left on the dishonest list).
/// </summary>
public class EnforcementSupervisionTests
{
    [Fact]
    public void Idle_PastSuperviseFrom_FlaggedOnce()
    {
        // Filed Thu 2026-09-24: the 6th working day is Sat 10-10 (adjusted); flagged from Sun 10-11.
        var c = Opened();
        Assert.Null(EnforcementSupervision.Keep(c, China("2026-10-10T23:59")));
        var (flagged, e) = EnforcementSupervision.Keep(c, China("2026-10-11T00:00"))!.Value;
        Assert.Equal(China("2026-10-11T00:00"), flagged.Enforcement!.SupervisedSince);
        Assert.Contains("no act since 2026-09-24", e.Reason);
        Assert.Null(flagged.Enforcement!.LimitExceededAt);
        Assert.Null(EnforcementSupervision.Keep(flagged, China("2026-10-12T00:00")));
        // The officer's next act clears the flag and starts the clock again.
        var acted = AssetInquiries.Start(flagged, Officer, null, China("2026-10-12T10:00"), Policy, Calc).Case;
        Assert.Null(acted.Enforcement!.SupervisedSince);
    }

    [Fact]
    public void AnAct_StartsTheClockAgain()
    {
        // An inquiry on Fri 2026-10-09: Sat 10-10 (adjusted, 1), Mon 12 (2) … Fri 16 (6): supervised from Sat 10-17.
        var c = AssetInquiries.Start(Opened(), Officer, null, China("2026-10-09T10:00"), Policy, Calc).Case;
        Assert.Equal(new DateOnly(2026, 10, 16), c.Enforcement!.SuperviseFrom);
        Assert.Null(EnforcementSupervision.Keep(c, China("2026-10-16T23:59")));
        Assert.NotNull(EnforcementSupervision.Keep(c, China("2026-10-17T00:00")));
    }

    [Fact]
    public void PastTheLimit_FlaggedOnce()
    {
        // Filed 2026-09-24: the limit's last day is 2027-03-24.
        var c = Opened().Change(s => s with { SupervisedSince = China("2026-10-11T00:00") });
        Assert.Null(EnforcementSupervision.Keep(c, China("2027-03-24T23:59")));
        var (flagged, e) = EnforcementSupervision.Keep(c, China("2027-03-25T00:00"))!.Value;
        Assert.Equal(China("2027-03-25T00:00"), flagged.Enforcement!.LimitExceededAt);
        Assert.Contains("2027-03-24", e.Reason);
        Assert.Null(EnforcementSupervision.Keep(flagged, China("2027-03-26T00:00")));
    }

    [Fact]
    public void NotKept_OnceClosedForNow() =>
        Assert.Null(EnforcementSupervision.Keep(Opened() with { Status = CaseStatus.EnforcementClosedForNow }, China("2027-06-01T00:00")));

    /// <summary>Everything received (101,400: 100,000 and the 1,400 fee) and 100,000 paid out to the creditor.</summary>
    private static CourtCase PaidOutInFull()
    {
        var c = Enforcing().Credited(101_400m, "2026-09-28T10:00");
        c = Payouts.Propose(c, Officer, 100_000m, Payee, China("2026-09-28T11:00"), Policy, Calc).Case;
        var (approved, _, request) = Payouts.Decide(c, "po1", DivisionHead, new HashSet<string> { Roles.DivisionHead }, true, null,
            China("2026-09-29T10:00"), Policy, Calc);
        return Answered(approved, request!, BankReplyKind.PayoutResult, BankOutcome.Paid, "2026-09-30T10:00", 100_000m);
    }

    [Fact]
    public void Closing_PerformedInFullAndPaidOut_Enforced()
    {
        var c = PaidOutInFull();
        Assert.True(EnforcementClosing.IsDone(c.Enforcement!));
        var (closed, e) = EnforcementClosing.CloseIfDone(c, China("2026-09-30T11:00"))!.Value;
        Assert.Equal((CaseStatus.Enforced, EnforcementActions.CloseEnforcement.Name), (closed.Status, e.Action));
        Assert.Null(EnforcementClosing.CloseIfDone(closed, China("2026-09-30T12:00")));
    }

    [Fact]
    public void Closing_NotBeforeTheFeeIsPerformed()
    {
        // 100,000 received and paid out; the 1,400 fee is still owed.
        var c = Enforcing().Credited(100_000m, "2026-09-28T10:00").Change(s => s with { PaidOut = 100_000m });
        Assert.False(EnforcementClosing.IsDone(c.Enforcement!));
        Assert.Null(EnforcementClosing.CloseIfDone(c, China("2026-09-30T11:00")));
    }

    [Fact]
    public void Closing_NotBeforeTheCreditor_sShareIsPaidOut()
    {
        var c = Enforcing().Credited(101_400m, "2026-09-28T10:00").Change(s => s with { PaidOut = 99_999.99m });
        Assert.False(EnforcementClosing.IsDone(c.Enforcement!));
    }

    [Fact]
    public void Closing_PerformanceMadeDirectlyCountsLikeAPayout()
    {
        // 100,000 paid to the creditor directly and confirmed; the fee, 1,400, received.
        var c = Enforcing().Credited(1_400m, "2026-09-28T10:00").Change(s => s with { DirectPayments = Directly(100_000m) });
        Assert.True(EnforcementClosing.IsDone(c.Enforcement!));
    }

    [Fact]
    public void Closing_NotWithAPayoutOpen()
    {
        var open = new Payout("po2", 1m, Payee, "officer-sun", China("2026-09-30T10:00"), PayoutStatus.Approved, new DateOnly(2026, 10, 10),
            null, [], "rq", null, null, null);
        var c = PaidOutInFull().Change(s => s with { Payouts = [.. s.Payouts, open] });
        Assert.False(EnforcementClosing.IsDone(c.Enforcement!));
    }

    [Fact]
    public void Closing_NotWhileADebtorIsListed_OrThePublicListNotYetUpdated()
    {
        var listing = new DishonestListing(2, DishonestGround.AbleButRefusing, 0, "拒不履行", "officer-sun", China("2026-09-25T10:00"), null,
            "doc1", China("2026-09-25T11:00"), null, null, new ConsumptionRestriction(null, null, null), true);
        var c = PaidOutInFull();
        Assert.False(EnforcementClosing.IsDone(c.Change(s => s with { Listings = [listing] }).Enforcement!));
        var removed = listing with { RemovedAt = China("2026-09-30T10:00"), RemovalReason = "performed", PublicListCurrent = false };
        Assert.False(EnforcementClosing.IsDone(c.Change(s => s with { Listings = [removed] }).Enforcement!));
        var published = removed with { PublicListCurrent = true };
        Assert.True(EnforcementClosing.IsDone(c.Change(s => s with { Listings = [published] }).Enforcement!));
    }
}
