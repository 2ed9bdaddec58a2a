using ECourt.Domain.Access;
using ECourt.Domain.Cases;
using ECourt.Domain.Enforcement;
using static ECourt.Domain.Tests.EnforcementTestCases;

namespace ECourt.Domain.Tests;

/// <summary>
/// Payouts and funds (SPC Provisions on the Management of Enforcement Funds and Property, 法发〔2017〕6号, arts. 14, 17): at most the
/// creditor's share of the money received (the fee is the court's, taken last) not in another open payout; approved by the division
/// head, and the president after above the court's threshold (500,000 here); each step due within 3 working days and escalated
/// after; funds paid out within 30 days of their arrival (CPL art. 85 counting), flagged once when overdue.
/// </summary>
public class EnforcementPayoutTests
{
    private static readonly IReadOnlySet<string> AsHead = new HashSet<string> { Roles.DivisionHead };
    private static readonly IReadOnlySet<string> AsPresident = new HashSet<string> { Roles.President };
    private static readonly IReadOnlySet<string> AsOfficer = new HashSet<string> { Roles.EnforcementOfficer };

    /// <summary>100,000 to recover and the 1,400 fee, all received on Mon 2026-09-28.</summary>
    private static CourtCase Paid() => Enforcing().Credited(101_400m, "2026-09-28T10:00");

    private static CourtCase Proposed(CourtCase c, decimal amount, string at = "2026-09-30T10:00") =>
        Payouts.Propose(c, Officer, amount, Payee, China(at), Policy, Calc).Case;

    private static (CourtCase Case, CaseEvent Event, BankRequest? Request) Decide(CourtCase c, Actor by, IReadOnlySet<string> roles,
        bool approve = true, string? reasons = null, string payout = "po1", string at = "2026-10-08T10:00") =>
        Payouts.Decide(c, payout, by, roles, approve, reasons, China(at), Policy, Calc);

    private static string Refused(CourtCase c, decimal amount) => Rule(() => Payouts.Propose(c, Officer, amount, Payee,
        China("2026-09-30T10:00"), Policy, Calc));

    [Theory]
    // Everything received: the creditor's 100,000; the 1,400 fee is the court's.
    [InlineData("101400", "0", "100000")]
    // 100,500 received: still 100,000 for the creditor, the fee taken last.
    [InlineData("100500", "0", "100000")]
    // 30,000 received: 30,000.
    [InlineData("30000", "0", "30000")]
    // 20,000 performed directly to the creditor, 81,400 received: min(81,400, 100,000 − 20,000) = 80,000.
    [InlineData("81400", "20000", "80000")]
    public void Propose_AtMostTheCreditor_sShareOfWhatIsHeld(string received, string direct, string held)
    {
        var c = Enforcing().Credited(decimal.Parse(received), "2026-09-28T10:00")
            .Change(s => s with { DirectPayments = Directly(decimal.Parse(direct)) });
        Assert.Equal(decimal.Parse(held), c.Enforcement!.Held);
        Assert.Equal("payout-exceeds-held", Refused(c, decimal.Parse(held) + 0.01m));
        Assert.Equal(decimal.Parse(held), Assert.Single(Proposed(c, decimal.Parse(held)).Enforcement!.Payouts).Amount);
    }

    [Fact]
    public void Propose_NotWhatAnotherOpenPayoutTakes_NorNothing()
    {
        var c = Paid();
        Assert.Equal("payout-exceeds-held", Refused(c, 0m));
        c = Proposed(c, 60_000m);
        // 100,000 − 60,000 in payout po1 = 40,000.
        Assert.Equal("payout-exceeds-held", Refused(c, 40_000.01m));
        c = Proposed(c, 40_000m);
        Assert.Equal(["po1", "po2"], c.Enforcement!.Payouts.Select(p => p.PayoutId).ToList());
        Assert.Equal(0m, c.Enforcement!.Available);
    }

    [Fact]
    public void Propose_TheDivisionHeadDecides_Within3WorkingDays()
    {
        var payout = Assert.Single(Proposed(Paid(), 60_000m).Enforcement!.Payouts);
        Assert.Equal((PayoutStatus.AwaitingDivisionHead, 60_000m, Payee, "officer-sun"), (payout.Status, payout.Amount, payout.Payee,
            payout.ProposedBy));
        // Proposed Wed 2026-09-30: Oct 1–7 are holidays; Thu 10-08 (1), Fri 10-09 (2), Sat 10-10, an adjusted working day (3).
        Assert.Equal(new DateOnly(2026, 10, 10), payout.StepDueBy);
    }

    [Fact]
    public void Decide_WrongRoleRefused_RefusalNeedsReasons_ReturnsToTheOfficer()
    {
        var c = Proposed(Paid(), 60_000m);
        Assert.Equal("wrong-approver", Rule(() => Decide(c, President, AsPresident)));
        Assert.Equal("wrong-approver", Rule(() => Decide(c, Officer, AsOfficer)));
        Assert.Equal("refusal-needs-reasons", Rule(() => Decide(c, DivisionHead, AsHead, approve: false, reasons: " ")));
        Assert.Equal("no-such-payout", Rule(() => Decide(c, DivisionHead, AsHead, payout: "po9")));
        var (refused, _, request) = Decide(c, DivisionHead, AsHead, approve: false, reasons: "收款账户与申请执行人不符");
        Assert.Null(request);
        var p = Assert.Single(refused.Enforcement!.Payouts);
        Assert.Equal((PayoutStatus.Refused, "收款账户与申请执行人不符"), (p.Status, p.Refusal));
        Assert.Equal(100_000m, refused.Enforcement!.Available);
        Assert.Equal("payout-not-awaiting-decision", Rule(() => Decide(refused, DivisionHead, AsHead)));
    }

    [Fact]
    public void Approved_OneInstructionToTheCourt_sBank()
    {
        var c = Proposed(Paid(), 60_000m);
        var (approved, _, request) = Decide(c, DivisionHead, AsHead);
        Assert.NotNull(request);
        Assert.Equal((BankRequestKind.Payout, "ICBC", (decimal?)60_000m, (string?)Account, Payee),
            (request.Kind, request.BankCode, request.Amount, request.CaseAccount, request.Payee));
        var p = Assert.Single(approved.Enforcement!.Payouts);
        Assert.Equal((PayoutStatus.Approved, request.RequestId), (p.Status, p.RequestId));
        Assert.Equal(("head-li", Roles.DivisionHead, true), (p.Decisions[0].By, p.Decisions[0].Role, p.Decisions[0].Approved));
        Assert.Contains(request.RequestId, approved.Enforcement!.Unsent);
        Assert.Equal("payout-not-awaiting-decision", Rule(() => Decide(approved, DivisionHead, AsHead)));
    }

    [Fact]
    public void AboveTheThreshold_ThePresidentDecidesAfterTheDivisionHead()
    {
        // 600,000 to recover, fee 50 + 1.5% × 490,000 + 1% × 100,000 = 8,400: 608,400 received.
        var c = Enforcing(600_000m).Credited(608_400m, "2026-09-28T10:00");
        c = Proposed(c, 500_000.01m);
        var (headApproved, _, none) = Decide(c, DivisionHead, AsHead, at: "2026-10-08T10:00");
        Assert.Null(none);
        var p = Assert.Single(headApproved.Enforcement!.Payouts);
        Assert.Equal(PayoutStatus.AwaitingPresident, p.Status);
        // Decided Thu 10-08: Fri 10-09 (1), Sat 10-10, adjusted (2), Mon 10-12 (3).
        Assert.Equal(new DateOnly(2026, 10, 12), p.StepDueBy);
        Assert.Equal("wrong-approver", Rule(() => Decide(headApproved, DivisionHead, AsHead)));
        var (approved, _, request) = Decide(headApproved, President, AsPresident, at: "2026-10-09T10:00");
        Assert.Equal((decimal?)500_000.01m, request!.Amount);
        Assert.Equal([Roles.DivisionHead, Roles.President], approved.Enforcement!.Payouts[0].Decisions.Select(d => d.Role).ToList());
        // Exactly 500,000 is not above the threshold: the division head alone.
        var atThreshold = Proposed(Enforcing(600_000m).Credited(608_400m, "2026-09-28T10:00"), 500_000m);
        Assert.NotNull(Decide(atThreshold, DivisionHead, AsHead).Request);
    }

    [Fact]
    public void Escalate_AfterTheStep_sDay_Once()
    {
        var c = Proposed(Paid(), 60_000m);
        Assert.Null(Payouts.Escalate(c, China("2026-10-10T23:59")));
        var (escalated, _) = Payouts.Escalate(c, China("2026-10-11T00:00"))!.Value;
        var p = Assert.Single(escalated.Enforcement!.Payouts);
        Assert.Equal((China("2026-10-11T00:00"), PayoutStatus.AwaitingDivisionHead), (p.EscalatedAt!.Value, p.Status));
        Assert.Null(Payouts.Escalate(escalated, China("2026-10-12T00:00")));
        var decided = Decide(escalated, DivisionHead, AsHead, at: "2026-10-12T10:00").Case;
        Assert.Equal(PayoutStatus.Approved, decided.Enforcement!.Payouts[0].Status);
    }

    [Fact]
    public void Answer_PaidAddsToPaidOut_FailedReleasesTheMoney()
    {
        var (approved, _, request) = Decide(Proposed(Paid(), 60_000m), DivisionHead, AsHead);
        var paid = Answered(approved, request!, BankReplyKind.PayoutResult, BankOutcome.Paid, "2026-10-09T10:00", 60_000m, "pay-1");
        var p = paid.Enforcement!.Payouts[0];
        Assert.Equal((PayoutStatus.Paid, (DateTimeOffset?)China("2026-10-09T10:00"), "pay-1"), (p.Status, p.PaidAt, p.BankTransactionId));
        // 100,000 held − 60,000 paid = 40,000.
        Assert.Equal((60_000m, 40_000m, 40_000m), (paid.Enforcement!.PaidOut, paid.Enforcement!.Held, paid.Enforcement!.Available));
        var failed = Answered(approved, request!, BankReplyKind.PayoutResult, BankOutcome.Refused, "2026-10-09T10:00", null);
        Assert.Equal((PayoutStatus.Failed, 0m, 100_000m), (failed.Enforcement!.Payouts[0].Status, failed.Enforcement!.PaidOut,
            failed.Enforcement!.Available));
    }

    /// <summary>Filed Mon 2026-08-24; 30,000 booked Tue 09-01, 50,000 Mon 09-14, 21,400 Fri 10-09: 101,400, the fee's 1,400 last.</summary>
    private static CourtCase Funds() => Enforcing(appliedAt: "2026-08-24T10:00")
        .Credited(30_000m, "2026-09-01T10:00", "tx1")
        .Credited(50_000m, "2026-09-14T10:00", "tx2")
        .Credited(21_400m, "2026-10-09T10:00", "tx3");

    [Theory]
    // Nothing paid out: the 30,000 of 09-01; its 30th day is Thu 10-01, a National Day holiday (Oct 1–7): Thu 10-08.
    [InlineData("0", "ICBC:tx1", "2026-10-08")]
    [InlineData("29999.99", "ICBC:tx1", "2026-10-08")]
    // The 30,000 paid out: the 50,000 of Mon 09-14; its 30th day is Wed 10-14.
    [InlineData("30000", "ICBC:tx2", "2026-10-14")]
    [InlineData("79999.99", "ICBC:tx2", "2026-10-14")]
    // 80,000 paid out: 20,000 of the 21,400 of Fri 10-09 is the creditor's; its 30th day is Sun 11-08: Mon 11-09.
    [InlineData("80000", "ICBC:tx3", "2026-11-09")]
    // 100,000 paid out: the 1,400 left is the fee, the court's, with no payout deadline.
    [InlineData("100000", null, null)]
    public void OldestUnpaid_PaidOutWithin30DaysOfItsArrival(string paidOut, string? entry, string? dueBy)
    {
        var s = Funds().Change(x => x with { PaidOut = decimal.Parse(paidOut) }).Enforcement!;
        Assert.Equal(entry, EnforcementFunds.OldestUnpaid(s)?.EntryId);
        Assert.Equal(dueBy is null ? (DateOnly?)null : Day(dueBy), EnforcementFunds.PayoutDue(s, Calc)?.LastDay);
    }

    [Fact]
    public void OldestUnpaid_PerformanceMadeDirectly_LeavesLessForTheCreditor()
    {
        // 20,000 received by the creditor directly: 80,000 of the money is the creditor's; once paid out, the rest is the fee's
        // 1,400 plus the 20,000 overpaid, nothing due to the creditor.
        var s = Funds().Change(x => x with { DirectPayments = Directly(20_000m), PaidOut = 80_000m }).Enforcement!;
        Assert.Null(EnforcementFunds.OldestUnpaid(s));
    }

    [Fact]
    public void FlagOverdue_AfterThe30Days_Once()
    {
        var c = Funds();
        Assert.Null(EnforcementFunds.FlagOverdue(c, China("2026-10-08T23:59"), Calc));
        var (flagged, e) = EnforcementFunds.FlagOverdue(c, China("2026-10-09T00:00"), Calc)!.Value;
        Assert.Equal(China("2026-10-09T00:00"), flagged.Enforcement!.PayoutOverdueSince);
        Assert.Contains("2026-09-01", e.Reason);
        Assert.Null(EnforcementFunds.FlagOverdue(flagged, China("2026-10-10T00:00"), Calc));
        // Paid out in time: nothing to flag.
        Assert.Null(EnforcementFunds.FlagOverdue(c.Change(x => x with { PaidOut = 30_000m }), China("2026-10-09T00:00"), Calc));
    }

    [Fact]
    public void Credit_FullyPerformedWhenTheFeeIsCoveredToo()
    {
        var c = Enforcing().Credited(100_000m, "2026-09-28T10:00", "tx1");
        // 100,000 of 101,400: the fee is still owed.
        Assert.Null(c.Enforcement!.FullyPerformedAt);
        c = c.Credited(1_400m, "2026-09-29T10:00", "tx2");
        Assert.Equal(China("2026-09-29T10:00"), c.Enforcement!.FullyPerformedAt);
        Assert.Equal(new DateOnly(2026, 9, 29), c.Enforcement!.Arrivals[1].NoticedOn);
    }
}
