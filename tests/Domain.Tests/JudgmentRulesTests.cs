using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Fees;
using ECourt.Domain.Judgments;

namespace ECourt.Domain.Tests;

/// <summary>
/// Judgments, appeal and effect (DOMAIN.md "Judgments, appeal and effect"; CPL arts. 85, 100, 157, 165, 171; Measures arts. 15, 16,
/// 29, 53): each party's appeal period from its own service on the 2026 arrangement, the day after the last one the judgment takes
/// effect, what cannot be appealed, performance deadlines and the costs. Check values worked by hand from the calendar.
/// </summary>
public class JudgmentRulesTests
{
    private static readonly DeadlineCalculator Calc = new(new CourtCalendar(PublishedCalendars.All));
    private static readonly Actor Judge = new("judge-zhao", "judge");
    private static readonly Actor Liu = new("user-liu", "party");

    private static DateTimeOffset China(string local) => DateTimeOffset.Parse(local + "+08:00");

    /// <summary>A heard case whose plaintiff paid the 2,300 yuan fee (100,000 claimed) and whose signed judgment is uploaded.</summary>
    private static CourtCase Heard(Procedure procedure = Procedure.Ordinary, decimal fee = 2_300m)
    {
        var c = EvidenceRulesTests.InEvidenceStage(procedure) with { Status = CaseStatus.Heard };
        c = c.With(new FeeNotice("6222000000000001", fee, "Measures art. 13", China("2026-08-01T09:00"), new DateOnly(2026, 8, 1),
            new DateOnly(2026, 8, 8), null, null, false, fee, fee, false));
        return c.WithDocument(new CaseDocument("docj", DocumentKind.Judgment, "判决书.pdf", "application/pdf", 10, "00", "judge-zhao",
            China("2026-09-10T09:00")));
    }

    private static JudgmentDraft Draft(JudgmentKind kind = JudgmentKind.Judgment, RulingGround? ground = null,
        decimal defendantShare = 2_300m,
        int? days = 10) =>
        new("jd000000000000000000000001", kind, ground, "docj", [new JudgmentOrder(2, 1, 100_000m, days, "被告偿还原告借款100000元")],
            [new CostShare(2, defendantShare)], JudgmentTextSource.Drafted, null);

    private static CourtCase Issued(CourtCase c, JudgmentDraft d, string at = "2026-09-10T10:00") =>
        JudgmentRules.Issue(c, Judge, China(at), d).Case;

    private static CourtCase Served(CourtCase c, int party, string at) =>
        JudgmentRules.Served(c, "docj", party, China(at), Calc)!.Value.Case;

    [Theory]
    // A judgment served Wed 2026-09-16: the 15th day is Thu 10-01, in the National Day holiday (Oct 1–7): the period ends Thu 10-08.
    [InlineData("2026-09-16T15:00", "2026-10-08")]
    // Served Fri 09-25 (itself a holiday): the 15th day is Sat 10-10, an adjusted working day, so the period ends on it.
    [InlineData("2026-09-25T15:00", "2026-10-10")]
    // Served Mon 2026-11-02: the 15th day is Tue 11-17, a working day.
    [InlineData("2026-11-02T09:00", "2026-11-17")]
    public void AppealPeriod_15DaysFromTheParty_sOwnService_OnTheCourtCalendar(string servedAt, string lastDay)
    {
        var c = Served(Issued(Heard(), Draft()), 1, servedAt);
        Assert.Equal(DateOnly.Parse(lastDay), AppealPeriod.For(c, c.Judgment!, 1)!.LastDay);
        Assert.Null(AppealPeriod.For(c, c.Judgment!, 2));
    }

    [Fact]
    public void AppealableRuling_10Days_AcrossTheSpringFestival()
    {
        // A ruling dismissing the suit served Mon 2026-02-09: the 10th day is Thu 02-19, in the Spring Festival (Feb 15–23): Tue 02-24.
        var c = Served(Issued(Heard() with { Status = CaseStatus.EvidenceExchange }, Draft(JudgmentKind.Ruling, RulingGround.Dismissal,
            defendantShare: 2_300m)), 1, "2026-02-09T10:00");
        Assert.Equal(new DateOnly(2026, 2, 24), AppealPeriod.For(c, c.Judgment!, 1)!.LastDay);
    }

    [Fact]
    public void Effective_TheDayAfterTheLastParty_sPeriod_WithPerformanceAndCosts()
    {
        var c = Served(Served(Issued(Heard(), Draft()), 1, "2026-09-16T15:00"), 2, "2026-09-25T15:00");
        Assert.Equal(CaseStatus.JudgmentIssued, c.Status);
        // Party 1's period ends 10-08, party 2's Sat 10-10: not effective until 10-10 has ended.
        Assert.Null(JudgmentRules.TakeEffect(c, China("2026-10-10T23:59"), Calc));
        var pending = new JudgmentsStage().Pending(c, China("2026-10-01T09:00"), Calc).ToList();
        Assert.Equal(China("2026-10-11T00:00"), Assert.Single(pending, d => d.Kind == JudgmentsStage.JudgmentEffect).KeepAt);
        Assert.Equal(2, pending.Count(d => d.Kind == JudgmentsStage.AppealPeriodKind));
        var (effective, e) = JudgmentRules.TakeEffect(c, China("2026-10-11T00:00"), Calc)!.Value;
        Assert.Equal(CaseStatus.Effective, effective.Status);
        Assert.Equal(new DateOnly(2026, 10, 11), effective.Judgment!.EffectiveOn);
        // Within 10 days of Sun 10-11: the 10th day is Wed 10-21.
        Assert.Equal(new DateOnly(2026, 10, 21), Assert.Single(effective.Judgment!.Performance).LastDay);
        // The defendant bears the fee the plaintiff prepaid: it pays it to the plaintiff; nothing is refunded.
        var payment = Assert.Single(effective.Judgment!.CostInstructions);
        Assert.Equal((CostInstructionKind.Payment, (int?)2, (int?)1, 2_300m), (payment.Kind, payment.FromParty, payment.ToParty,
            payment.Amount));
        Assert.Contains("2026-10-11", e.Reason);
    }

    [Fact]
    public void Appeal_WithinTheParty_sPeriod_MakesTheCaseAppealed_LateOrTwiceRefused()
    {
        var c = Served(Served(Issued(Heard(), Draft()), 1, "2026-09-16T15:00"), 2, "2026-09-25T15:00");
        // Party 1's period ended at 24:00 on 10-08; party 2's runs to 10-10.
        Assert.Equal("appeal-period-ended", Assert.Throws<DomainRuleException>(() =>
            JudgmentRules.FileAppeal(c, Liu, China("2026-10-09T00:00"), 1, "不服")).Rule);
        var (appealed, _) = JudgmentRules.FileAppeal(c, Liu, China("2026-10-10T23:59"), 2, "不服一审判决");
        Assert.Equal(CaseStatus.Appealed, appealed.Status);
        Assert.Equal("appeal-already-filed", Assert.Throws<DomainRuleException>(() =>
            JudgmentRules.FileAppeal(appealed, Liu, China("2026-10-10T23:59"), 2, "再次")).Rule);
        Assert.Null(JudgmentRules.TakeEffect(appealed, China("2026-10-12T00:00"), Calc));
    }

    [Fact]
    public void Appeal_BeforeTheParty_sService_Refused()
    {
        var c = Served(Issued(Heard(), Draft()), 1, "2026-09-16T15:00");
        Assert.Equal("appeal-before-service", Assert.Throws<DomainRuleException>(() =>
            JudgmentRules.FileAppeal(c, Liu, China("2026-09-17T09:00"), 2, "不服")).Rule);
    }

    [Fact]
    public void SmallClaims_FinalAtFirstInstance_EffectiveOnTheLastService_NoAppeal()
    {
        // Small claims: the fee was halved under simplified procedure (art. 16): 1,150 of 2,300.
        var c = Issued(Heard(Procedure.SmallClaims, 1_150m), Draft(defendantShare: 1_150m, days: null));
        c = Served(c, 1, "2026-09-14T10:00");
        Assert.Equal(CaseStatus.JudgmentIssued, c.Status);
        Assert.Equal("judgment-not-appealable", Assert.Throws<DomainRuleException>(() =>
            JudgmentRules.FileAppeal(c, Liu, China("2026-09-14T11:00"), 1, "不服")).Rule);
        c = Served(c, 2, "2026-09-15T10:00");
        Assert.Equal(CaseStatus.Effective, c.Status);
        Assert.Equal(new DateOnly(2026, 9, 15), c.Judgment!.EffectiveOn);
        // Performed at once: the last day is the effective day.
        Assert.Equal(new DateOnly(2026, 9, 15), Assert.Single(c.Judgment!.Performance).LastDay);
    }

    [Fact]
    public void Mediation_HalvesTheFeeOnce_RefundsTheRestWithin15DaysOfEffect()
    {
        // Ordinary procedure, 2,300 paid: mediation halves it to 1,150 (art. 15); the shares must allocate 1,150.
        Assert.Equal("costs-must-equal-fee", Assert.Throws<DomainRuleException>(() =>
            Issued(Heard(), Draft(JudgmentKind.Mediation, defendantShare: 2_300m))).Rule);
        var c = Issued(Heard(), Draft(JudgmentKind.Mediation, defendantShare: 575m) with
        {
            Costs = [new CostShare(1, 575m), new CostShare(2, 575m)],
        });
        c = Served(Served(c, 1, "2026-09-16T10:00"), 2, "2026-09-17T10:00");
        Assert.Equal(CaseStatus.Effective, c.Status);
        var instructions = c.Judgment!.CostInstructions;
        // Refund 2,300 − 1,150 = 1,150 to the plaintiff by the 15th day after Thu 09-17: Fri 10-02 is a holiday, so Thu 10-08.
        var refund = Assert.Single(instructions, i => i.Kind == CostInstructionKind.Refund);
        Assert.Equal((1_150m, (int?)1, new DateOnly(2026, 10, 8)), (refund.Amount, refund.ToParty, refund.DueOn!.Value));
        var payment = Assert.Single(instructions, i => i.Kind == CostInstructionKind.Payment);
        Assert.Equal((575m, (int?)2, (int?)1), (payment.Amount, payment.FromParty, payment.ToParty));
    }

    [Fact]
    public void SimplifiedProcedure_Mediation_NotHalvedTwice()
    {
        Assert.Equal(1_150m, LitigationCosts.FeeDue(Heard(Procedure.Simplified, 1_150m), JudgmentKind.Mediation, null));
        Assert.Equal(1_150m, LitigationCosts.FeeDue(Heard(Procedure.Ordinary, 2_300m), JudgmentKind.Ruling, RulingGround.Withdrawal));
        // Half of 50.25 is 25.125: rounded once, half up, to 25.13.
        Assert.Equal(25.13m, LitigationCosts.FeeDue(Heard(Procedure.Ordinary, 50.25m), JudgmentKind.Mediation, null));
    }

    [Fact]
    public void Judgment_BeforeTheHearing_Refused_ARulingMayCome()
    {
        var c = Heard() with { Status = CaseStatus.EvidenceExchange };
        Assert.Equal("judgment-before-hearing", Assert.Throws<DomainRuleException>(() => Issued(c, Draft())).Rule);
        Assert.Equal(CaseStatus.JudgmentIssued, Issued(c, Draft(JudgmentKind.Ruling, RulingGround.Dismissal)).Status);
        Assert.Equal("ruling-ground", Assert.Throws<DomainRuleException>(() => Issued(c, Draft(JudgmentKind.Ruling))).Rule);
        Assert.Equal("judgment-document-required", Assert.Throws<DomainRuleException>(() =>
            Issued(Heard(), Draft() with { DocumentId = "other" })).Rule);
    }

    [Fact]
    public void Withdrawal_TakesEffectOnService_NotAppealable()
    {
        var c = Issued(Heard(), Draft(JudgmentKind.Ruling, RulingGround.Withdrawal, defendantShare: 0m) with
        {
            Orders = [],
            Costs = [new CostShare(1, 1_150m)],
        });
        c = Served(Served(c, 1, "2026-11-02T10:00"), 2, "2026-11-03T10:00");
        Assert.Equal((CaseStatus.Effective, new DateOnly(2026, 11, 3)), (c.Status, c.Judgment!.EffectiveOn!.Value));
        Assert.Equal(1_150m, Assert.Single(c.Judgment!.CostInstructions, i => i.Kind == CostInstructionKind.Refund).Amount);
    }
}
