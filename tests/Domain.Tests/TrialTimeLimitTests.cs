using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.TrialLimit;

namespace ECourt.Domain.Tests;

/// <summary>
/// The trial time limit (DOMAIN.md "Time limits", "Hearings"): 6, 3 and 2 months from registration by procedure (CPL arts. 152,
/// 164, 169), counted as months (Civil Code art. 202) on the 2026 arrangement (CPL art. 85), the president's extensions within
/// 6, 1 and 1 months, the warning at four fifths, and the limit standing still for a jurisdiction objection (Interpretation
/// art. 243). Check values worked by hand from the calendar.
/// </summary>
public class TrialTimeLimitTests
{
    private static readonly DeadlineCalculator Calc = new(new CourtCalendar(PublishedCalendars.All));
    private static readonly Actor Judge = new("judge-zhao", "judge");
    private static readonly Actor President = new("president-sun", "president");

    private static DateTimeOffset China(string local) => DateTimeOffset.Parse(local + "+08:00");

    private static CourtCase Registered(string on, Procedure procedure = Procedure.Ordinary,
        CaseStatus status = CaseStatus.EvidenceExchange) =>
        EvidenceRulesTests.InEvidenceStage(procedure) with { RegisteredAt = China(on + "T09:00"), Status = status };

    [Theory]
    // Registered Sat 2026-01-10: the corresponding day 6 months on is Fri 07-10, a working day.
    [InlineData("2026-01-10", Procedure.Ordinary, "2026-07-10")]
    // Registered 2026-03-31 in simplified procedure: June has no 31st, so the limit ends on its last day, Tue 06-30 (art. 202).
    [InlineData("2026-03-31", Procedure.Simplified, "2026-06-30")]
    // Small claims registered 2026-08-01: 10-01 falls in the National Day holiday (Oct 1–7); the next working day is Thu 10-08.
    [InlineData("2026-08-01", Procedure.SmallClaims, "2026-10-08")]
    public void Limit_RunsTheProcedureMonthsFromRegistration_OnTheCourtCalendar(string registered, Procedure procedure, string lastDay)
    {
        var limit = TrialTimeLimit.Limit(Registered(registered, procedure), Calc);
        Assert.Equal(DateOnly.Parse(lastDay), limit.LastDay);
        Assert.Equal(DateOnly.Parse(registered), limit.Start);
    }

    [Fact]
    public void Warning_ComesWhenFourFifthsHaveRun()
    {
        // 2026-01-10 to 07-10 is 181 days; four fifths is 144.8, rounded up to 145: Jan 10 + 145 days = Thu 2026-06-04.
        var pending = new TrialLimitModule().Pending(Registered("2026-01-10"), China("2026-02-01T09:00"), Calc).ToList();
        var warning = Assert.Single(pending, d => d.Kind == TrialLimitModule.WarningDeadline);
        Assert.Equal(new DateOnly(2026, 6, 4), warning.LastDay);
        Assert.Equal(China("2026-06-04T00:00"), warning.KeepAt);
        var limit = Assert.Single(pending, d => d.Kind == TrialLimitModule.LimitDeadline);
        Assert.Equal(China("2026-07-11T00:00"), limit.KeepAt);
    }

    [Fact]
    public void Warnings_AreRecordedOncePerLastDay_AndNotBeforeTheirTime()
    {
        var c = Registered("2026-01-10");
        Assert.Null(TrialLimitWarnings.Warn(c, China("2026-06-03T23:59"), Calc));
        var (warned, ev) = TrialLimitWarnings.Warn(c, China("2026-06-04T00:00"), Calc)!.Value;
        Assert.Contains("2026-07-10", ev.Reason);
        Assert.Null(TrialLimitWarnings.Warn(warned, China("2026-06-05T00:00"), Calc));
        Assert.DoesNotContain(new TrialLimitModule().Pending(warned, China("2026-06-05T00:00"), Calc),
            d => d.Kind == TrialLimitModule.WarningDeadline);

        Assert.Null(TrialLimitWarnings.Reach(warned, China("2026-07-10T23:59"), Calc));
        var (reached, _) = TrialLimitWarnings.Reach(warned, China("2026-07-11T00:00"), Calc)!.Value;
        Assert.Equal(new DateOnly(2026, 7, 10), reached.TrialLimit!.ReachedFor);
        Assert.Empty(new TrialLimitModule().Pending(reached, China("2026-07-12T00:00"), Calc));
    }

    [Theory]
    // Ordinary, registered 2026-01-10: from 07-10 to 2027-01-10 (12 months on) is 184 days.
    [InlineData("2026-01-10", Procedure.Ordinary, 184)]
    // Simplified, registered 2026-03-31: from 06-30 (3 months) to 07-31 (4 months) is 31 days.
    [InlineData("2026-03-31", Procedure.Simplified, 31)]
    // Small claims, registered 2026-01-31: from 03-31 (2 months) to 04-30 (3 months) is 30 days.
    [InlineData("2026-01-31", Procedure.SmallClaims, 30)]
    public void TheMostThePresidentMayAdd_IsTheProcedureExtensionMonths(string registered, Procedure procedure, int days) =>
        Assert.Equal(days, TrialTimeLimit.MaxExtensionDays(DateOnly.Parse(registered), procedure));

    [Fact]
    public void AnApprovedExtension_MovesTheLimitAndItsWarnings()
    {
        var c = Registered("2026-01-10");
        var (applied, _) = TrialLimitExtension.Apply(c, "tle1", Judge, China("2026-06-20T10:00"), 30, ["鉴定未完成"], Calc);
        Assert.Equal(c.TrialLimit, applied.TrialLimit);
        var (granted, ev, lastDay) = TrialLimitExtension.Decide(applied, "tle1", President, China("2026-06-22T10:00"), true, 30, [], Calc);
        // 181 + 30 = 211 days from Jan 10 is Sun 08-09: the limit ends on Mon 2026-08-10.
        Assert.Equal(new DateOnly(2026, 8, 10), lastDay);
        Assert.Contains("2026-08-10", ev.Reason);
        // 212 days; four fifths is 169.6, so day 170: Jan 10 + 170 = Mon 2026-06-29.
        Assert.Equal(new DateOnly(2026, 6, 29), new TrialLimitModule().Pending(granted, China("2026-06-22T10:00"), Calc)
            .Single(d => d.Kind == TrialLimitModule.WarningDeadline).LastDay);
    }

    [Fact]
    public void AnExtensionBeyondTheProcedureMonths_IsRefusedNamingTheLaw()
    {
        var c = Registered("2026-01-10");
        var e = Assert.Throws<DomainRuleException>(() =>
            TrialLimitExtension.Apply(c, "tle1", Judge, China("2026-06-20T10:00"), 185, ["复杂"], Calc));
        Assert.Equal("trial-limit-extension-beyond-law", e.Rule);
        Assert.Contains("CPL arts. 152, 164, 169", e.Message);
        var small = Registered("2026-01-31", Procedure.SmallClaims);
        Assert.Equal("trial-limit-extension-beyond-law", Assert.Throws<DomainRuleException>(() =>
            TrialLimitExtension.Decide(small, "tle1", President, China("2026-03-20T10:00"), true, 31, [], Calc)).Rule);
    }

    [Fact]
    public void ARefusal_NeedsReasons_AndChangesNoLimit()
    {
        var c = Registered("2026-01-10");
        Assert.Equal("reasons-required", Assert.Throws<DomainRuleException>(() =>
            TrialLimitExtension.Decide(c, "tle1", President, China("2026-06-22T10:00"), false, 30, [], Calc)).Rule);
        var (refused, _, lastDay) = TrialLimitExtension.Decide(c, "tle1", President, China("2026-06-22T10:00"), false, 30, ["理由不足"], Calc);
        Assert.Null(lastDay);
        Assert.Equal(new DateOnly(2026, 7, 10), TrialTimeLimit.Limit(refused, Calc).LastDay);
    }

    [Theory]
    [InlineData(CaseStatus.Draft)]
    [InlineData(CaseStatus.Submitted)]
    [InlineData(CaseStatus.AwaitingFee)]
    [InlineData(CaseStatus.DeemedWithdrawn)]
    public void BeforeAcceptanceOrAfterTheEnd_TheLimitIsNotKept(CaseStatus status)
    {
        var c = Registered("2026-01-10", status: status);
        Assert.Empty(new TrialLimitModule().Pending(c, China("2026-02-01T09:00"), Calc));
        Assert.Equal("trial-limit-not-running", Assert.Throws<DomainRuleException>(() =>
            TrialLimitExtension.Apply(c, "tle1", Judge, China("2026-02-01T09:00"), 10, ["x"], Calc)).Rule);
    }
}

/// <summary>Periods that do not count (CPL Interpretation art. 243): each added once, overlapping ones counted once.</summary>
public class TrialLimitExclusionTests
{
    private static readonly DeadlineCalculator Calc = new(new CourtCalendar(PublishedCalendars.All));

    private static CourtCase Registered() => EvidenceRulesTests.InEvidenceStage() with
    {
        RegisteredAt = DateTimeOffset.Parse("2026-01-10T09:00+08:00"),
    };

    [Fact]
    public void APublicNotice_MovesTheLimitByItsDays_Once()
    {
        // Posted 2026-02-01, deemed served at the end of 03-03: the 30 days 02-02 to 03-03 do not count. 181 + 30 = 211 days from
        // 01-10 is Sun 08-09, so the limit ends Mon 2026-08-10.
        var c = TrialLimitSuspensions.Exclude(Registered(), "svc1", new DateOnly(2026, 2, 2), new DateOnly(2026, 3, 4), "public notice",
            "art. 243");
        Assert.Equal(30, c.TrialLimit!.ExcludedDays);
        Assert.Equal(new DateOnly(2026, 8, 10), TrialTimeLimit.Limit(c, Calc).LastDay);
        Assert.Same(c, TrialLimitSuspensions.Exclude(c, "svc1", new DateOnly(2026, 2, 2), new DateOnly(2026, 3, 4), "again", "art. 243"));
    }

    [Fact]
    public void OverlappingPeriods_CountEachDayOnce()
    {
        // 01-20 to 02-19 (30 days) and 02-01 to 02-24 (23 days) together cover 01-20 to 02-24: 35 days.
        var c = TrialLimitSuspensions.Exclude(Registered(), "a", new DateOnly(2026, 1, 20), new DateOnly(2026, 2, 19), "notice 1",
            "art. 243");
        c = TrialLimitSuspensions.Exclude(c, "b", new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 24), "notice 2", "art. 243");
        Assert.Equal(35, c.TrialLimit!.ExcludedDays);
    }
}
