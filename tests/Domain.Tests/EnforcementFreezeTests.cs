using ECourt.Domain.Cases;
using ECourt.Domain.Enforcement;
using static ECourt.Domain.Tests.EnforcementTestCases;

namespace ECourt.Domain.Tests;

/// <summary>
/// Freezes and deductions (SPC Interpretation art. 485; CPL art. 253): a bank deposit frozen for at most a year, never more than the
/// amount to recover plus the fee less what is performed and already secured, renewed before its term ends or lapsing the day after
/// its last day; deductions at most what the freeze holds. The case: 100,000 to recover, fee 1,400 (Measures art. 14), 101,400 owed.
/// </summary>
public class EnforcementFreezeTests
{
    private const string AccountA = "6217990000000000001";
    private const string AccountB = "6217990000000000002";

    private static (CourtCase Case, BankRequest Request) Request(CourtCase c, decimal amount, string at = "2026-09-29T10:00",
        DateOnly? until = null, string account = AccountA, string bank = "CCB", string? renews = null, int debtor = 2)
    {
        var (requested, _, request) = Freezes.Request(c, Officer, bank, account, debtor, amount, until, renews, China(at), Policy, Calc);
        return (requested, request);
    }

    private static string Refused(CourtCase c, decimal amount, DateOnly? until = null, string account = AccountB, string? renews = null,
        string at = "2026-09-29T10:00") => Rule(() => Request(c, amount, at, until, account, renews: renews));

    [Fact]
    public void Deposit_FrozenForAtMostOneYear()
    {
        var c = Enforcing();
        // Frozen on Tue 2026-09-29: one year on is 2027-09-29 (art. 485), the longest term and the one given when none is asked.
        var (asked, request) = Request(c, 50_000m);
        var freeze = Assert.Single(asked.Enforcement!.Freezes);
        Assert.Equal((new DateOnly(2027, 9, 29), FreezeStatus.Requested, 50_000m, 2),
            (freeze.Until, freeze.Status, freeze.Asked, freeze.Debtor));
        Assert.Equal((BankRequestKind.Freeze, "CCB", AccountA, (decimal?)50_000m, (DateOnly?)new DateOnly(2027, 9, 29)),
            (request.Kind, request.BankCode, request.AccountNumber, request.Amount, request.FrozenUntil));
        Assert.Equal(new DateOnly(2027, 9, 29), Request(c, 50_000m, until: new DateOnly(2027, 9, 29)).Request.FrozenUntil);
        Assert.Equal("freeze-term-too-long", Refused(c, 50_000m, new DateOnly(2027, 9, 30)));
        // A term that ends the day it is asked is no term.
        Assert.Equal("freeze-term-too-long", Refused(c, 50_000m, new DateOnly(2026, 9, 29)));
    }

    [Fact]
    public void OnlyTheCase_sDebtors() =>
        Assert.Equal("not-a-debtor", Rule(() => Request(Enforcing(), 1_000m, debtor: 1)));

    [Fact]
    public void Cap_AmountToRecoverPlusFee()
    {
        var c = Enforcing();
        // 100,000 + 1,400 = 101,400.
        Assert.Equal("freeze-exceeds-debt", Refused(c, 101_400.01m));
        var (all, _) = Request(c, 101_400m);
        Assert.Equal(0m, all.Enforcement!.FreezeRoom);
        Assert.Equal("freeze-exceeds-debt", Refused(all, 0.01m));
    }

    [Fact]
    public void Cap_LessWhatIsPerformed_ReceivedOrDirectly()
    {
        // 30,000 received: 101,400 − 30,000 = 71,400.
        var c = Enforcing().Credited(30_000m, "2026-09-28T10:00");
        Assert.Equal("freeze-exceeds-debt", Refused(c, 71_400.01m));
        Assert.Equal(71_400m, Request(c, 71_400m).Request.Amount);
        // And 10,000 the creditor confirms having received directly: 71,400 − 10,000 = 61,400.
        c = c.Change(s => s with { DirectPayments = Directly(10_000m) });
        Assert.Equal("freeze-exceeds-debt", Refused(c, 61_400.01m));
        Assert.Equal(61_400m, Request(c, 61_400m).Request.Amount);
    }

    [Fact]
    public void Cap_LessWhatIsAlreadySecured_AskedUntilAnswered_ThenWhatIsFrozen()
    {
        var (c, request) = Request(Enforcing(), 50_000m);
        // Asked and unanswered, 50,000 counts: 101,400 − 50,000 = 51,400.
        Assert.Equal("freeze-exceeds-debt", Refused(c, 51_400.01m));
        // The bank froze 40,000 of the 50,000 (the balance): 101,400 − 40,000 = 61,400.
        var partly = Answered(c, request, BankReplyKind.FreezeResult, BankOutcome.Frozen, "2026-09-29T15:00", 40_000m);
        Assert.Equal(40_000m, partly.Enforcement!.Freezes[0].Frozen);
        Assert.Equal("freeze-exceeds-debt", Refused(partly, 61_400.01m));
        Assert.Equal(61_400m, Request(partly, 61_400m, account: AccountB).Request.Amount);
        // A refused freeze secures nothing: the whole 101,400 again.
        var refused = Answered(c, request, BankReplyKind.FreezeResult, BankOutcome.Refused, "2026-09-29T15:00", null);
        Assert.Equal(FreezeStatus.Refused, refused.Enforcement!.Freezes[0].Status);
        Assert.Equal(101_400m, refused.Enforcement!.FreezeRoom);
    }

    [Fact]
    public void Cap_AFreezeDeductedAndReceived_CountsOnlyWhatItStillHolds()
    {
        // Frozen 40,000; 25,000 deducted and received: it holds 15,000; 101,400 − 25,000 − 15,000 = 61,400.
        var c = Enforcing().Frozen(40_000m);
        var (asked, _, deduction) = Deductions.Request(c, Officer, c.Enforcement!.Freezes[0].RequestId, 25_000m, China("2026-09-30T10:00"),
            Policy, Calc);
        // The credit that brings the money carries the deduction's bank transaction: it is the same money, counted once.
        c = Answered(asked, deduction, BankReplyKind.DeductResult, BankOutcome.Deducted, "2026-09-30T11:00", 25_000m)
            .Credited(25_000m, "2026-09-30T12:00", tx: "btx1", bank: "CCB");
        Assert.Equal(15_000m, c.Enforcement!.Freezes[0].Secured);
        Assert.Equal(61_400m, c.Enforcement!.FreezeRoom);
        Assert.Equal("freeze-exceeds-debt", Refused(c, 61_400.01m));
    }

    [Fact]
    public void Renewal_TakesOverItsFreeze_sSecuredAmount()
    {
        var c = Enforcing().Frozen(101_400m, AccountA);
        var first = c.Enforcement!.Freezes[0].RequestId;
        Assert.Equal("freeze-exceeds-debt", Refused(c, 0.01m, at: "2027-09-10T10:00"));
        // The renewal of the 101,400 may secure those 101,400 again, not a fen more.
        var (renewing, request) = Request(c, 101_400m, "2027-09-10T10:00", new DateOnly(2028, 9, 10), AccountA, renews: first);
        Assert.Equal(first, request.RenewsRequestId);
        Assert.Equal("freeze-exceeds-debt", Refused(c, 101_400.01m, new DateOnly(2028, 9, 10), AccountA, first, "2027-09-10T10:00"));
        Assert.Equal("renewal-other-account", Refused(c, 1_000m, new DateOnly(2028, 9, 10), AccountB, first, "2027-09-10T10:00"));
        Assert.Equal("freeze-not-in-force", Refused(c, 1_000m, new DateOnly(2028, 9, 10), AccountA, "rq-none", "2027-09-10T10:00"));
        // While the renewal is asked, the old freeze awaits no reminder.
        Assert.False(Freezes.AwaitsReminder(renewing.Enforcement!, renewing.Enforcement!.Freezes[0]));
        // Frozen: the old one is renewed, the new one carries the term.
        var renewed = Answered(renewing, request, BankReplyKind.FreezeResult, BankOutcome.Frozen, "2027-09-11T10:00", 101_400m);
        Assert.Equal([(FreezeStatus.Renewed, new DateOnly(2027, 9, 29)), (FreezeStatus.Frozen, new DateOnly(2028, 9, 10))],
            renewed.Enforcement!.Freezes.Select(f => (f.Status, f.Until)).ToList());
        Assert.Equal(0m, renewed.Enforcement!.FreezeRoom);
        // Refused: the old freeze stays as it was.
        var refused = Answered(renewing, request, BankReplyKind.FreezeResult, BankOutcome.Refused, "2027-09-11T10:00", null);
        Assert.Equal([FreezeStatus.Frozen, FreezeStatus.Refused], refused.Enforcement!.Freezes.Select(f => f.Status).ToList());
    }

    [Fact]
    public void Answer_QueuedBehindAnotherAuthority_RecordedQueued_AShorterTermKept()
    {
        var (c, request) = Request(Enforcing(), 30_000m);
        var queued = Answered(c, request, BankReplyKind.FreezeResult, BankOutcome.Queued, "2026-09-29T15:00", 30_000m);
        var f = queued.Enforcement!.Freezes[0];
        Assert.Equal((FreezeStatus.Queued, 30_000m, true, 30_000m), (f.Status, f.Frozen, f.IsInForce, f.Secured));
        // The bank froze until 2027-06-30, shorter than the year asked: the bank's day is the freeze's.
        var reply = new BankReply(BankReplyKind.FreezeResult, request.RequestId, "CCB", BankOutcome.Frozen, China("2026-09-29T15:00"))
        {
            Amount = 30_000m,
            FrozenUntil = new DateOnly(2027, 6, 30),
        };
        var shorter = BankReplies.Apply(c, request, reply, China("2026-09-29T15:00")).Change.Case;
        Assert.Equal(new DateOnly(2027, 6, 30), shorter.Enforcement!.Freezes[0].Until);
    }

    [Fact]
    public void Keep_Reminder15DaysBeforeTheLastDay_Once_LapseTheDayAfterTheLastDay()
    {
        // Frozen Tue 2026-09-29 for a year: the last day is Wed 2027-09-29; 15 days before it is Tue 2027-09-14.
        var c = Enforcing().Frozen(101_400m);
        Assert.Equal(new DateOnly(2027, 9, 14), Freezes.ReminderDay(c.Enforcement!.Freezes[0]));
        Assert.Null(Freezes.Keep(c, China("2027-09-13T23:59")));
        var (reminded, e) = Freezes.Keep(c, China("2027-09-14T00:00"))!.Value;
        Assert.Contains("renew freeze", e.Reason);
        Assert.Equal((FreezeStatus.Frozen, (DateTimeOffset?)China("2027-09-14T00:00")),
            (reminded.Enforcement!.Freezes[0].Status, reminded.Enforcement!.Freezes[0].ReminderAt));
        Assert.Null(Freezes.Keep(reminded, China("2027-09-20T10:00")));
        // In force to 24:00 on its last day; lapsed the day after.
        Assert.Null(Freezes.Keep(reminded, China("2027-09-29T23:59")));
        var (lapsed, l) = Freezes.Keep(reminded, China("2027-09-30T00:00"))!.Value;
        Assert.Contains("lapsed", l.Reason);
        Assert.Equal(FreezeStatus.Lapsed, lapsed.Enforcement!.Freezes[0].Status);
        Assert.Equal(101_400m, lapsed.Enforcement!.FreezeRoom);
    }

    [Fact]
    public void Keep_NoReminder_ForAFreezeBeingRenewed()
    {
        var c = Enforcing().Frozen(101_400m);
        var (renewing, _) = Request(c, 101_400m, "2027-09-10T10:00", new DateOnly(2028, 9, 10), AccountA,
            renews: c.Enforcement!.Freezes[0].RequestId);
        Assert.Null(Freezes.Keep(renewing, China("2027-09-14T00:00")));
    }

    [Fact]
    public void Deduction_AtMostWhatTheFreezeHolds_PendingOnesCounted()
    {
        var c = Enforcing().Frozen(40_000m);
        var freeze = c.Enforcement!.Freezes[0].RequestId;
        var at = China("2026-09-30T10:00");
        Assert.Equal("deduction-exceeds-freeze", Rule(() => Deductions.Request(c, Officer, freeze, 40_000.01m, at, Policy, Calc)));
        var (asked, _, request) = Deductions.Request(c, Officer, freeze, 25_000m, at, Policy, Calc);
        Assert.Equal((BankRequestKind.Deduct, "CCB", AccountA, (decimal?)25_000m, (string?)Account),
            (request.Kind, request.BankCode, request.AccountNumber, request.Amount, request.CaseAccount));
        // 40,000 − 25,000 asked = 15,000 left.
        Assert.Equal("deduction-exceeds-freeze", Rule(() => Deductions.Request(asked, Officer, freeze, 15_000.01m, at, Policy, Calc)));
        Assert.Equal(15_000m, Deductions.Request(asked, Officer, freeze, 15_000m, at, Policy, Calc).Request.Amount);
        var deducted = Answered(asked, request, BankReplyKind.DeductResult, BankOutcome.Deducted, "2026-09-30T11:00", 25_000m);
        Assert.Equal((DeductionStatus.Deducted, "btx1"), (deducted.Enforcement!.Deductions[0].Status,
            deducted.Enforcement!.Deductions[0].BankTransactionId));
        Assert.Equal((25_000m, 15_000m), (deducted.Enforcement!.Freezes[0].Deducted, deducted.Enforcement!.Freezes[0].Secured));
        Assert.Equal("deduction-exceeds-freeze", Rule(() => Deductions.Request(deducted, Officer, freeze, 15_000.01m, at, Policy, Calc)));
    }

    [Fact]
    public void Deduction_AnswerAddsWhatWasDeducted_ARefusalNothing()
    {
        var c = Enforcing().Frozen(40_000m);
        var freeze = c.Enforcement!.Freezes[0].RequestId;
        var (asked, _, request) = Deductions.Request(c, Officer, freeze, 25_000m, China("2026-09-30T10:00"), Policy, Calc);
        // The account held 20,000 of the 25,000 asked.
        var less = Answered(asked, request, BankReplyKind.DeductResult, BankOutcome.Deducted, "2026-09-30T11:00", 20_000m);
        Assert.Equal((20_000m, 20_000m), (less.Enforcement!.Deductions[0].Amount, less.Enforcement!.Freezes[0].Deducted));
        var refused = Answered(asked, request, BankReplyKind.DeductResult, BankOutcome.Refused, "2026-09-30T11:00", null);
        Assert.Equal((DeductionStatus.Refused, 0m), (refused.Enforcement!.Deductions[0].Status, refused.Enforcement!.Freezes[0].Deducted));
    }

    [Fact]
    public void Deduction_OnlyFromAFreezeInForceAndFrozen()
    {
        var (requested, request) = Request(Enforcing(), 30_000m);
        var at = China("2026-09-30T10:00");
        Assert.Equal("freeze-not-in-force",
            Rule(() => Deductions.Request(requested, Officer, request.RequestId, 1_000m, at, Policy, Calc)));
        var queued = Answered(requested, request, BankReplyKind.FreezeResult, BankOutcome.Queued, "2026-09-29T15:00", 30_000m);
        Assert.Equal("freeze-not-in-force", Rule(() => Deductions.Request(queued, Officer, request.RequestId, 1_000m, at, Policy, Calc)));
    }


    [Fact]
    public void Cap_MoneyDeductedButNotYetCredited_StillCounts()
    {
        // All 101,400 frozen and deducted: the debtor owes nothing more to secure while the money is on its way to the case's account.
        var c = Enforcing().Frozen(101_400m);
        var (asked, _, deduction) = Deductions.Request(c, Officer, c.Enforcement!.Freezes[0].RequestId, 101_400m, China("2026-09-30T10:00"),
            Policy, Calc);
        c = Answered(asked, deduction, BankReplyKind.DeductResult, BankOutcome.Deducted, "2026-09-30T11:00", 101_400m);
        Assert.Equal("freeze-exceeds-debt", Refused(c, 0.01m, at: "2026-09-30T12:00"));
    }
}
