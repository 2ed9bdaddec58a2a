using ECourt.Domain.Cases;
using ECourt.Domain.Enforcement;
using ECourt.Domain.Money;
using ECourt.Domain.Parties;
using static ECourt.Domain.Tests.EnforcementTestCases;

namespace ECourt.Domain.Tests;

/// <summary>
/// The creditor's application and the enforcement case it opens (CPL arts. 247, 250, 85; SPC Interpretation arts. 480, 481;
/// Measures art. 14): what it recovers, when it is refused, the late application, the case's parties, the notice due within 10
/// days and the 6-month limit. Check values worked by hand from the 2026 arrangement.
/// </summary>
public class EnforcementOpeningTests
{
    [Fact]
    public void AmountToRecover_SumOfTheCreditor_sMoneyOrdersPastTheirDeadline_CreditorFirst_DebtorsAfter()
    {
        var original = Original(CaseStatus.Effective,
            new Ordered(2, 4, 60_000m, "2026-08-20"),
            new Ordered(3, 4, 40_000m, "2026-08-20"),
            // Still running on 09-24: not enforced yet.
            new Ordered(5, 4, 30_000m, "2026-10-20"),
            // Another creditor's order, and an order of no money.
            new Ordered(2, 1, 5_000m, "2026-08-20"),
            new Ordered(2, 4, null, "2026-08-20"));
        var (c, e) = OpenedWithEvent("2026-09-24T10:00", original);
        var s = c.Enforcement!;
        // 60,000 + 40,000 = 100,000; the 30,000 due on 10-20 and 刘志强's 5,000 are not part of it.
        Assert.Equal(100_000m, s.AmountToRecover);
        Assert.Equal(100_000m, c.ClaimAmount);
        Assert.Equal(new DateOnly(2026, 8, 20), s.PerformanceLastDay);
        Assert.Null(s.LateApplication);
        // The creditor (original party 4) is party 1; the debtors (original 2 and 3, in that order) are 2 and 3.
        Assert.Equal([(1, PartyRole.Plaintiff, "陈丽"), (2, PartyRole.Defendant, "王建国"), (3, PartyRole.Defendant, "哈尔滨某商贸有限公司")],
            c.Parties.Select(p => (p.PartyNumber, p.Role, p.Name)).ToList());
        Assert.Equal(1, s.Creditor);
        Assert.Equal([2, 3], s.Debtors);
        Assert.Equal((CaseStatus.Enforcing, FeeCaseType.Enforcement, "（2026）黑01执7号"), (c.Status, c.CaseType, c.CaseNumber));
        Assert.Equal(EnforcementCaseIds.For(OriginalId, 4), c.CaseId);
        Assert.Equal((OriginalId, "（2026）黑01民初1号", Account), (s.OriginalCaseId, s.OriginalCaseNumber, s.AccountNumber));
        // Measures art. 14(1): 50 + 1.5% × (100,000 − 10,000) = 50 + 1,350 = 1,400, owed on top of the 100,000.
        Assert.Equal((1_400m, 101_400m), (s.Fee, s.Owed));
        Assert.Equal((EnforcementActions.OpenEnforcement.Name, CaseStatus.Enforcing), (e.Action, e.To));
    }

    [Fact]
    public void Application_RecordedOnTheOriginal_WhichStaysEffective_ASecondOneRefused_AnotherCreditorMayApply()
    {
        var at = China("2026-09-24T10:00");
        var original = Original();
        var terms = EnforcementOpening.Check(original, 4, at, Calc);
        var (applied, e) = EnforcementOpening.Apply(original, CreditorUser, terms, EnforcementCaseIds.For(OriginalId, 4), at);
        Assert.Equal(CaseStatus.Effective, applied.Status);
        Assert.Equal(EnforcementActions.ApplyForEnforcement.Name, e.Action);
        var application = Assert.Single(applied.EnforcementApplications!.Items);
        Assert.Equal((4, EnforcementCaseIds.For(OriginalId, 4), (DateTimeOffset?)null), (application.CreditorParty,
            application.EnforcementCaseId, application.OpenedAt));
        Assert.Equal("enforcement-already-applied", Rule(() => EnforcementOpening.Check(applied, 4, at.AddDays(1), Calc)));
        // 刘志强's own order (5,000 from the company) is his to enforce.
        var other = EnforcementOpening.Check(applied, 1, at, Calc);
        Assert.Equal((5_000m, 3), (other.Amount, Assert.Single(other.Debtors)));
        Assert.NotEqual(EnforcementCaseIds.For(OriginalId, 1), EnforcementCaseIds.For(OriginalId, 4));
    }

    [Fact]
    public void BeforeThePerformanceDeadlineEnded_Refused()
    {
        // The last day is Thu 2026-08-20; the debtor may perform until 24:00 that day (CPL art. 85).
        Assert.Equal("performance-period-running", Rule(() => EnforcementOpening.Check(Original(), 4, China("2026-08-20T23:59"), Calc)));
        Assert.Equal(100_000m, EnforcementOpening.Check(Original(), 4, China("2026-08-21T00:00"), Calc).Amount);
    }

    [Fact]
    public void APartyWithNoMoneyOrder_NothingToEnforce()
    {
        // 王建国 is ordered to pay, not paid: nothing is ordered in his favour.
        Assert.Equal("nothing-to-enforce", Rule(() => EnforcementOpening.Check(Original(), 2, China("2026-09-24T10:00"), Calc)));
        // An order of no money (an apology) is not enforced by recovering money.
        var apology = Original(CaseStatus.Effective, new Ordered(2, 4, null, "2026-08-20"));
        Assert.Equal("nothing-to-enforce", Rule(() => EnforcementOpening.Check(apology, 4, China("2026-09-24T10:00"), Calc)));
    }

    [Theory]
    [InlineData(CaseStatus.JudgmentIssued)]
    [InlineData(CaseStatus.Appealed)]
    [InlineData(CaseStatus.Heard)]
    public void ACaseNotEffective_Refused(CaseStatus status) =>
        Assert.Equal("transition-not-allowed", Rule(() => EnforcementOpening.Check(Original(status), 4, China("2026-09-24T10:00"), Calc)));

    [Theory]
    // Performance ended Tue 2024-09-10: 2 years on is Thu 2026-09-10, a working day; applying after it is late.
    [InlineData("2024-09-10", "2026-09-10T23:59", null)]
    [InlineData("2024-09-10", "2026-09-11T00:00", "2026-09-10")]
    // Performance ended Tue 2024-10-01: 2 years on is Thu 2026-10-01, in the National Day holiday (Oct 1–7): the period ends on
    // the first working day after it, Thu 2026-10-08 (CPL art. 85).
    [InlineData("2024-10-01", "2026-10-08T23:59", null)]
    [InlineData("2024-10-01", "2026-10-09T00:00", "2026-10-08")]
    public void LateApplication_AfterTwoYears_AcceptedAndFlagged(string lastDay, string appliedAt, string? periodEnded)
    {
        var (c, e) = OpenedWithEvent(appliedAt, Original(CaseStatus.Effective, new Ordered(2, 4, 100_000m, lastDay)));
        Assert.Equal(CaseStatus.Enforcing, c.Status);
        Assert.Equal(100_000m, c.Enforcement!.AmountToRecover);
        if (periodEnded is null)
        {
            Assert.Null(c.Enforcement!.LateApplication);
            return;
        }
        Assert.Contains(periodEnded, c.Enforcement!.LateApplication);
        Assert.Contains(c.Enforcement!.LateApplication!, e.Reason);
    }

    [Fact]
    public void LateApplication_FlaggedOnTheOriginalToo()
    {
        var at = China("2026-09-11T00:00");
        var original = Original(CaseStatus.Effective, new Ordered(2, 4, 100_000m, "2024-09-10"));
        var terms = EnforcementOpening.Check(original, 4, at, Calc);
        var (_, e) = EnforcementOpening.Apply(original, CreditorUser, terms, "cs000000000000000000000099", at);
        Assert.Contains("(late: flagged)", e.Reason);
    }

    [Theory]
    // Applied Thu 2026-09-24: the 10th day is Sun 10-04, in the National Day holiday (Oct 1–7): Thu 10-08.
    [InlineData("2026-09-24T10:00", "2026-10-08")]
    // Applied Mon 2026-08-24: the 10th day is Thu 09-03, a working day.
    [InlineData("2026-08-24T10:00", "2026-09-03")]
    // Applied Wed 2026-10-14: the 10th day is Sat 10-24: Mon 10-26.
    [InlineData("2026-10-14T10:00", "2026-10-26")]
    // Applied Mon 2026-09-28: the 10th day is Thu 10-08, the first working day after the holiday.
    [InlineData("2026-09-28T10:00", "2026-10-08")]
    public void Notice_DueWithin10DaysOfTheApplication_CountedByArt85(string appliedAt, string dueBy)
    {
        var c = Opened(appliedAt);
        Assert.Equal(Day(dueBy), c.Enforcement!.NoticeDueBy);
        Assert.Null(c.Enforcement!.NoticeSentAt);
        var notice = Assert.Single(new EnforcementStage().Pending(c, China(appliedAt), Calc), d => d.Kind == EnforcementStage.Notice);
        Assert.Equal(Day(dueBy), notice.LastDay);
    }

    [Fact]
    public void TimeLimit_SixMonthsFromFiling_NineWithThePresident_sExtension()
    {
        // Filed Thu 2026-09-24: 6 months end on 2027-03-24 (a Wednesday); extended by 3 months, on 2027-06-24.
        var c = Opened("2026-09-24T10:00");
        Assert.Equal(new DateOnly(2027, 3, 24), c.Enforcement!.LimitLastDay);
        Assert.Equal(new DateOnly(2027, 6, 24), EnforcementTimeLimits.Limit(Calc, new DateOnly(2026, 9, 24), extended: true).LastDay);
        // Civil Code art. 202: a month with no corresponding day ends on its last day: 2026-08-31 + 6 months = Sun 2027-02-28, and a
        // period ending on a rest day ends on the next working day (CPL art. 85): Mon 2027-03-01.
        Assert.Equal(new DateOnly(2027, 3, 1), EnforcementTimeLimits.Limit(Calc, new DateOnly(2026, 8, 31), extended: false).LastDay);
    }

    [Fact]
    public void Supervision_FromTheCourt_sWorkingDaysAfterFiling()
    {
        // Filed Thu 2026-09-24, 6 working days: Fri 09-25 to Sun 09-27 are the Mid-Autumn holiday; Mon 28 (1), Tue 29 (2), Wed 30
        // (3); Oct 1–7 holiday; Thu 10-08 (4), Fri 10-09 (5), Sat 10-10, an adjusted working day (6).
        Assert.Equal(new DateOnly(2026, 10, 10), Opened("2026-09-24T10:00").Enforcement!.SuperviseFrom);
    }

    [Theory]
    // 50 + 1.5% × 90,000 = 1,400.
    [InlineData("100000", "1400.00")]
    // Up to 10,000: 50 per case.
    [InlineData("5000", "50.00")]
    // 7,400 + 1% × 4,500,000 = 52,400 to 5,000,000; + 0.5% × 3,000,000 = 67,400.
    [InlineData("8000000", "67400.00")]
    // 52,400 + 0.5% × 5,000,000 = 77,400.
    [InlineData("10000000", "77400.00")]
    // 77,400 + 0.1% × 2,345,678.90 = 77,400 + 2,345.6789 = 79,745.6789 → 79,745.68 (rounded once to the fen, half up).
    [InlineData("12345678.90", "79745.68")]
    // 50 + 1.5% × 0.50 = 50.0075 → 50.01; 50 + 1.5% × 0.30 = 50.0045 → 50.00.
    [InlineData("10000.50", "50.01")]
    [InlineData("10000.30", "50.00")]
    public void EnforcementFee_Art14_CumulativeBands(string amount, string fee) =>
        Assert.Equal(fee, Yuan.Format(Schedule.Quote(FeeCaseType.Enforcement, decimal.Parse(amount), Procedure.Ordinary).Fee));

    [Fact]
    public void EnforcementFee_OnTheCase_CollectedFromTheDebtor()
    {
        // 600,000: 50 + 1.5% × 490,000 + 1% × 100,000 = 50 + 7,350 + 1,000 = 8,400.
        var s = Enforcing(600_000m).Enforcement!;
        Assert.Equal((8_400m, 608_400m), (s.Fee, s.Owed));
        Assert.Contains("art. 20", s.FeeBasis);
    }


    [Fact]
    public void TimeLimit_EndingOnAHoliday_EndsOnTheNextWorkingDay()
    {
        // Filed Wed 2026-04-01: 6 months end on Thu 2026-10-01, in the National Day holiday (Oct 1–7): Thu 2026-10-08 (CPL art. 85).
        var c = Enforcing(appliedAt: "2026-04-01T10:00", lastDay: "2026-03-20");
        Assert.Equal(new DateOnly(2026, 10, 8), c.Enforcement!.LimitLastDay);
    }

    [Fact]
    public void Notice_CountedFromTheApplication_EvenWhenTheCaseIsOpenedLater()
    {
        // Applied Thu 2026-09-24, the case opened on Wed 09-30 (after a crash): the notice is still due 10 days after the application,
        // Thu 10-08 (SPC Interpretation art. 480), not 10 days after the opening (Sat 10-10, an adjusted working day).
        var applied = China("2026-09-24T10:00");
        var original = Original();
        var terms = EnforcementOpening.Check(original, 4, applied, Calc);
        var (withApplication, _) = EnforcementOpening.Apply(original, CreditorUser, terms, EnforcementCaseIds.For(OriginalId, 4), applied);
        var application = withApplication.EnforcementApplications!.Items[0];
        var fee = Schedule.Quote(FeeCaseType.Enforcement, terms.Amount, Procedure.Ordinary);
        var (c, _) = EnforcementOpening.Open(withApplication, application, terms, Number, Account, fee, China("2026-09-30T10:00"), Calc,
            Policy.SupervisionWorkingDays);
        Assert.Equal(new DateOnly(2026, 10, 8), c.Enforcement!.NoticeDueBy);
    }
}
