using ECourt.Domain.Answer;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.ServiceOfProcess;
using ECourt.Domain.TrialLimit;

namespace ECourt.Domain.Tests;

/// <summary>
/// The defendant's answer (CPL art. 128: 15 days from receiving the complaint copy; a late one is taken, marked late) and objection to
/// jurisdiction (art. 130: within the answer period, refused after; the trial time limit stands still from it, CPL Interpretation
/// art. 243). Check values on the 2026 arrangement.
/// </summary>
public class AnswerRulesTests
{
    private static readonly DeadlineCalculator Calc = new(new CourtCalendar(PublishedCalendars.All));
    private static readonly Actor Defendant = new("user-wang", "lawyer");
    private static readonly Actor Plaintiff = new("user-liu", "party");

    private static DateTimeOffset China(string local) => DateTimeOffset.Parse(local + "+08:00");

    /// <summary>The complaint copy served on the defendant on Mon 2026-11-30: the answer period's 15th day is Tue 2026-12-15.</summary>
    private static CourtCase Served()
    {
        var c = EvidenceRulesTests.InEvidenceStage() with { Status = CaseStatus.EvidenceExchange };
        var served = China("2026-11-30T10:00");
        return c.With(new ServiceOfProcessSummary(served.AddDays(-5), Calc.Compute(new DateOnly(2026, 11, 25), 5, PeriodUnit.Days), null,
            [new PartyServed(2, served)], Calc.Compute(new DateOnly(2026, 11, 30), ComplaintService.AnswerDays, PeriodUnit.Days)));
    }

    private static CaseDocument Doc(string id, DocumentKind kind = DocumentKind.Answer) =>
        new(id, kind, id + ".pdf", "application/pdf", 100, new string('a', 64), "user-wang", China("2026-12-01T10:00"));

    [Fact]
    public void AnAnswer_WithinFifteenDaysOfService_IsOnTime_AndOneAfterIsTakenAndMarkedLate()
    {
        Assert.Equal(new DateOnly(2026, 12, 15), DefendantAnswer.Period(Served())!.LastDay);
        var (_, _, onTime) = DefendantAnswer.File(Served(), Defendant, [2], China("2026-12-15T23:59"), [Doc("d1")]);
        Assert.False(Assert.Single(onTime).Late);
        var (answered, ev, late) = DefendantAnswer.File(Served(), Defendant, [2], China("2026-12-16T00:00"), [Doc("d1")]);
        Assert.True(Assert.Single(late).Late);
        Assert.Contains("after the answer period", ev.Reason);
        Assert.Equal(["d1"], answered.Answer!.Answers.Single().DocumentIds);
    }

    [Fact]
    public void AnAnswer_IsTheDefendantsOnce_FromItsAnswerDocuments()
    {
        Assert.Equal("answer-by-defendant", Assert.Throws<DomainRuleException>(() =>
            DefendantAnswer.File(Served(), Plaintiff, [1], China("2026-12-01T10:00"), [Doc("d1")])).Rule);
        Assert.Equal("answer-document-kind-required", Assert.Throws<DomainRuleException>(() =>
            DefendantAnswer.File(Served(), Defendant, [2], China("2026-12-01T10:00"), [Doc("d1", DocumentKind.Evidence)])).Rule);
        var (answered, _, _) = DefendantAnswer.File(Served(), Defendant, [2], China("2026-12-01T10:00"), [Doc("d1")]);
        Assert.Equal("answer-already-filed", Assert.Throws<DomainRuleException>(() =>
            DefendantAnswer.File(answered, Defendant, [2], China("2026-12-02T10:00"), [Doc("d2")])).Rule);
        Assert.Equal("answer-stage-closed", Assert.Throws<DomainRuleException>(() =>
            DefendantAnswer.File(Served() with { Status = CaseStatus.Submitted }, Defendant, [2], China("2026-12-01T10:00"),
                [Doc("d1")])).Rule);
    }

    [Fact]
    public void AnObjectionToJurisdiction_WithinTheAnswerPeriod_StopsTheTrialLimit_AndAfterItIsRefused()
    {
        var c = Served();
        Assert.Contains(new TrialLimitModule().Pending(c, China("2026-12-10T10:00"), Calc), d => d.Kind == TrialLimitModule.LimitDeadline);
        var (objected, ev, filed) = JurisdictionObjection.File(c, Defendant, [2], China("2026-12-15T23:59"), ["被告住所地在南岗区"],
            "哈尔滨市南岗区人民法院");
        Assert.Equal(2, filed.PartyNumber);
        Assert.Contains("2026-12-15", ev.Reason);
        Assert.Equal(new DateOnly(2026, 12, 15), objected.TrialLimit!.Suspension!.Since);
        Assert.Empty(new TrialLimitModule().Pending(objected, China("2026-12-16T10:00"), Calc));
        Assert.Equal("trial-limit-suspended", Assert.Throws<DomainRuleException>(() =>
            TrialLimitExtension.Apply(objected, "x", new Actor("judge-zhao", "judge"), China("2026-12-16T10:00"), 10, ["r"], Calc)).Rule);
        Assert.Equal("jurisdiction-objection-already-filed", Assert.Throws<DomainRuleException>(() =>
            JurisdictionObjection.File(objected, Defendant, [2], China("2026-12-15T23:59"), ["又一"], null)).Rule);

        var late = Assert.Throws<DomainRuleException>(() =>
            JurisdictionObjection.File(c, Defendant, [2], China("2026-12-16T00:00"), ["被告住所地在南岗区"], null));
        Assert.Equal("jurisdiction-objection-late", late.Rule);
        Assert.Contains("CPL art. 130", late.Message);
    }
}
