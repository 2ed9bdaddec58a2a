using ECourt.Domain.Answer;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Parties;
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
        Assert.Throws<TransitionRefusedException>(() => DefendantAnswer.File(Served() with { Status = CaseStatus.HearingScheduled },
            Defendant, [2], China("2026-12-01T10:00"), [Doc("d1")]));
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

/// <summary>
/// Consent to online proceedings per party and activity (Online Litigation Rules arts. 4–5) and a defendant's 3 days to link its
/// account (art. 10). Check values on the 2026 arrangement.
/// </summary>
public class OnlineConsentRulesTests
{
    private static readonly DeadlineCalculator Calc = new(new CourtCalendar(PublishedCalendars.All));

    private static DateTimeOffset China(string local) => DateTimeOffset.Parse(local + "+08:00");

    /// <summary>The complaint copy served on an unlinked defendant on Mon 2026-11-30.</summary>
    private static CourtCase ServedUnlinked()
    {
        var c = EvidenceRulesTests.InEvidenceStage();
        c = c with { Parties = [c.Parties[0], c.Parties[1] with { UserId = null }] };
        return c.With(new ServiceOfProcessSummary(China("2026-11-25T10:00"), Calc.Compute(new DateOnly(2026, 11, 25), 5, PeriodUnit.Days),
            null, [new PartyServed(2, China("2026-11-30T10:00"))], null));
    }

    [Fact]
    public void AnUnlinkedDefendant_HasThreeDaysFromTheNotice_ThenProceedsOfflineForEveryActivity()
    {
        var c = ServedUnlinked();
        // Served Mon 11-30: the third day counted from the day after is Thu 2026-12-03.
        var pending = Assert.Single(new AnswerStage().Pending(c, China("2026-11-30T12:00"), Calc));
        Assert.Equal((AnswerStage.OnlineLinkingDeadline, new DateOnly(2026, 12, 3)), (pending.Kind, pending.LastDay));
        Assert.Null(OnlineLinking.Lapse(c, China("2026-12-03T23:59"), Calc));
        var (offline, ev) = OnlineLinking.Lapse(c, China("2026-12-04T00:00"), Calc)!.Value;
        Assert.Contains("art. 10", ev.Reason);
        Assert.All(Enum.GetValues<OnlineActivity>(), a => Assert.False(OnlineConsents.Choice(offline, 2, a)!.Online));
        Assert.Empty(new AnswerStage().Pending(offline, China("2026-12-04T00:00"), Calc));
    }

    [Fact]
    public void Consent_IsPerPartyAndActivity_NeverPresumed_AndOnlineNeedsALinkedAccount()
    {
        var c = EvidenceRulesTests.InEvidenceStage();
        Assert.Null(OnlineConsents.Choice(c, 1, OnlineActivity.Hearing));
        var (online, _) = OnlineConsents.Choose(c, new Actor("user-liu", "party"), 1, OnlineActivity.Hearing, true,
            China("2026-12-01T10:00"));
        Assert.True(OnlineConsents.Choice(online, 1, OnlineActivity.Hearing)!.Online);
        Assert.Null(OnlineConsents.Choice(online, 1, OnlineActivity.EvidenceExchange));
        Assert.Null(OnlineConsents.Choice(online, 2, OnlineActivity.Hearing));
        var (offline, _) = OnlineConsents.Choose(online, new Actor("user-liu", "party"), 1, OnlineActivity.Hearing, false,
            China("2026-12-02T10:00"));
        Assert.False(OnlineConsents.Choice(offline, 1, OnlineActivity.Hearing)!.Online);
        Assert.Single(offline.OnlineConsent!.Choices);

        Assert.Equal("online-consent-needs-linked-account", Assert.Throws<DomainRuleException>(() => OnlineConsents.Choose(
            ServedUnlinked(), new Actor("user-wang", "party"), 2, OnlineActivity.Hearing, true, China("2026-12-01T10:00"))).Rule);
    }
}
