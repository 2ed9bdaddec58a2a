using ECourt.Domain.Access;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Evidence;
using ECourt.Domain.Hearings;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Domain.Tests;

/// <summary>
/// The hearings stage (DOMAIN.md "Hearings", "Online litigation"): the summons at least 3 days before the hearing in ordinary
/// procedure (CPL art. 139; Interpretation art. 227), simple means without that minimum in simplified and small-claims cases (CPL
/// art. 162), the flag when a summons is not served in time, postponement and cancellation, the record of attendance (CPL arts.
/// 146–147), and the evidence acts that still happen while a hearing is scheduled.
/// </summary>
public class HearingRulesTests
{
    private static readonly Actor Plaintiff = new("user-liu", "party");

    private static DateTimeOffset China(string local) => DateTimeOffset.Parse(local + "+08:00");

    private static CourtCase Scheduled(Procedure procedure = Procedure.Ordinary) =>
        EvidenceRulesTests.InEvidenceStage(procedure) with { Status = CaseStatus.HearingScheduled };

    private static CaseDocument Evidence(string id) =>
        new(id, DocumentKind.Evidence, id + ".pdf", "application/pdf", 10, new string('a', 64), "user-liu", China("2026-12-01T09:00"));

    [Fact]
    public void EvidenceSubmitted_WhileAHearingIsScheduled_LeavesTheCaseHearingScheduled()
    {
        var (c, e, _) = EvidenceSubmission.Submit(Scheduled(), Plaintiff, Access.CaseSide.Filing, [1], China("2026-12-02T10:00"), "借条",
            "证明借款", "原告持有", [Evidence("doc1")]);
        Assert.Equal(CaseStatus.HearingScheduled, c.Status);
        Assert.Equal(CaseStatus.HearingScheduled, e.From);
        Assert.Equal(CaseStatus.HearingScheduled, e.To);
    }

    [Fact]
    public void EvidenceSubmitted_InEvidenceExchange_StaysThere()
    {
        var (c, _, _) = EvidenceSubmission.Submit(EvidenceRulesTests.InEvidenceStage(), Plaintiff, Access.CaseSide.Filing, [1],
            China("2026-12-02T10:00"), "借条", "证明借款", "原告持有", [Evidence("doc1")]);
        Assert.Equal(CaseStatus.EvidenceExchange, c.Status);
    }

    [Fact]
    public void EvidencePeriod_CannotBeSetAgain_OnceAHearingIsScheduled()
    {
        var ex = Assert.Throws<TransitionRefusedException>(() => new EvidencePeriods(new Calendar.DeadlineCalculator(
            new Calendar.CourtCalendar(Calendar.PublishedCalendars.All))).Set(Scheduled(), new Actor("judge-zhao", "judge"),
            China("2026-12-02T10:00"), new DateOnly(2026, 12, 30)));
        Assert.Equal(CaseStatus.HearingScheduled, ex.Current);
    }

    private static readonly Actor Judge = new("judge-zhao", "judge");

    private static HearingPlan InCourt(string startsAt) => new(China(startsAt), "第三法庭", false, true, false);

    // ---- The summons at least 3 days before the hearing (CPL art. 139; Interpretation art. 227) ----

    [Theory]
    // Issued Thu 2026-12-03: the 3 whole days are Fri 12-04, Sat 12-05, Sun 12-06; the first start allowed is Mon 12-07 00:00.
    [InlineData("2026-12-03", "2026-12-07T00:00")]
    // Issued Tue 2026-12-29: Wed 12-30, Thu 12-31 and Fri 2027-01-01 (a holiday counts: a minimum of notice, not a period's end).
    [InlineData("2026-12-29", "2027-01-02T00:00")]
    // Issued Fri 2026-02-13: Sat 02-14 (an adjusted working day), Sun 02-15 and Mon 02-16 (Spring Festival) pass; Tue 02-17 00:00.
    [InlineData("2026-02-13", "2026-02-17T00:00")]
    public void FirstStartAllowed_IsTheDayAfterThreeWholeDaysFromTheSummons(string issuedOn, string firstStart) =>
        Assert.Equal(China(firstStart), HearingRules.FirstAllowedStart(DateOnly.Parse(issuedOn)));

    [Theory]
    [InlineData("2026-12-06T23:59", false)]
    [InlineData("2026-12-07T00:00", true)]
    [InlineData("2026-12-07T09:30", true)]
    public void Ordinary_HearingInsideTheThreeDays_RefusedNamingTheRule(string startsAt, bool allowed)
    {
        var c = EvidenceRulesTests.InEvidenceStage();
        var now = China("2026-12-03T16:00");
        if (allowed)
        {
            var (scheduled, e, h) = HearingRules.Schedule(c, Judge, now, "hr1", "doc1", InCourt(startsAt));
            Assert.Equal(CaseStatus.HearingScheduled, scheduled.Status);
            Assert.Equal(HearingActions.ScheduleHearing.Name, e.Action);
            Assert.Equal(HearingState.Scheduled, h.State);
            Assert.Equal([1, 2], h.Summons!.Recipients);
            Assert.Null(h.Summons.SentAt);
        }
        else
        {
            var ex = Assert.Throws<DomainRuleException>(() => HearingRules.Schedule(c, Judge, now, "hr1", "doc1", InCourt(startsAt)));
            Assert.Equal("hearing-notice-too-short", ex.Rule);
            Assert.Contains("CPL art. 139", ex.Message);
            Assert.Equal("startsAt", ex.Field);
        }
    }

    [Theory]
    [InlineData(Procedure.Simplified)]
    [InlineData(Procedure.SmallClaims)]
    public void SimplifiedAndSmallClaims_SummonBySimpleMeans_WithoutTheMinimum(Procedure procedure)
    {
        var (c, _, _) = HearingRules.Schedule(EvidenceRulesTests.InEvidenceStage(procedure), Judge, China("2026-12-03T16:00"), "hr1",
            "doc1", InCourt("2026-12-04T09:00"));
        Assert.Equal(CaseStatus.HearingScheduled, c.Status);
        // No flag for a late summons either: nothing is pending but the notice to serve.
        Assert.DoesNotContain(new HearingsStage().Pending(c, China("2026-12-03T16:00"), null!),
            d => d.Kind == HearingsStage.SummonsService);
    }

    [Theory]
    [InlineData("2026-12-03T15:00", "hearing-in-past", "startsAt")]
    [InlineData("2026-12-10T09:00", "hearing-courtroom-required", "courtroom")]
    public void Schedule_RefusedRules(string startsAt, string rule, string field)
    {
        var plan = new HearingPlan(China(startsAt), null, false, true, false);
        var ex = Assert.Throws<DomainRuleException>(() => HearingRules.Schedule(EvidenceRulesTests.InEvidenceStage(Procedure.Simplified),
            Judge, China("2026-12-03T16:00"), "hr1", "doc1", plan));
        Assert.Equal((rule, field), (ex.Rule, ex.Field));
    }

    [Fact]
    public void Schedule_ClosedHearingStreamed_Refused_OnlineNeedsNoCourtroom()
    {
        var c = EvidenceRulesTests.InEvidenceStage();
        Assert.Equal("closed-hearing-not-streamed", Assert.Throws<DomainRuleException>(() => HearingRules.Schedule(c, Judge,
            China("2026-12-03T16:00"), "hr1", "doc1", new HearingPlan(China("2026-12-08T09:00"), null, true, false, true))).Rule);
        var (_, _, h) = HearingRules.Schedule(c, Judge, China("2026-12-03T16:00"), "hr1", "doc1",
            new HearingPlan(China("2026-12-08T09:00"), "第三法庭", true, false, false));
        Assert.Null(h.Courtroom);
    }

    [Fact]
    public void Schedule_FromFiling_RefusedNamingTheStateAndTheAction()
    {
        var c = EvidenceRulesTests.InEvidenceStage() with { Status = CaseStatus.Accepted };
        var ex = Assert.Throws<TransitionRefusedException>(() => HearingRules.Schedule(c, Judge, China("2026-12-03T16:00"), "hr1", "doc1",
            InCourt("2026-12-08T09:00")));
        Assert.Contains("Accepted", ex.Message);
        Assert.Contains("ScheduleHearing", ex.Message);
    }

    // ---- The summons not served 3 days before the hearing: the judge is flagged ----

    [Fact]
    public void SummonsNotServedByTheFourthDayBefore_FlaggedOnce_ServedOnEveryone_NotPending()
    {
        // Hearing Thu 2026-12-10 09:00: served by the end of Sun 12-06 leaves Mon, Tue and Wed whole.
        var (c, _, h) = HearingRules.Schedule(EvidenceRulesTests.InEvidenceStage(), Judge, China("2026-12-03T16:00"), "hr1", "doc1",
            InCourt("2026-12-10T09:00"));
        c = HearingRules.NoticeSent(c, "doc1", China("2026-12-03T16:01"))!.Value.Case;
        var pending = new HearingsStage().Pending(c, China("2026-12-03T16:01"), null!).Single();
        Assert.Equal((HearingsStage.SummonsService, new DateOnly(2026, 12, 6), China("2026-12-07T00:00")),
            (pending.Kind, pending.LastDay, pending.KeepAt!.Value));
        Assert.Null(HearingRules.FlagServiceLate(c, China("2026-12-06T23:59")));
        c = HearingRules.NoticeServed(c, "doc1", 1, China("2026-12-04T10:00"))!.Value.Case;
        var (flagged, e) = HearingRules.FlagServiceLate(c, China("2026-12-07T00:00"))!.Value;
        Assert.Equal(HearingActions.FlagSummonsServiceLate, e.Action);
        Assert.Contains("party 2", e.Reason);
        Assert.NotNull(flagged.Hearings!.Find("hr1")!.ServiceLateFlaggedAt);
        Assert.Null(HearingRules.FlagServiceLate(flagged, China("2026-12-08T00:00")));
        Assert.Empty(new HearingsStage().Pending(flagged, China("2026-12-07T00:00"), null!));
        var served = HearingRules.NoticeServed(c, "doc1", 2, China("2026-12-05T10:00"))!.Value.Case;
        Assert.Empty(new HearingsStage().Pending(served, China("2026-12-05T10:00"), null!));
        Assert.Null(HearingRules.FlagServiceLate(served, China("2026-12-07T00:00")));
    }

    // ---- Postponement, cancellation, the record ----

    [Fact]
    public void Postpone_AdjournsTheHearing_SchedulesTheNewOneWithItsSummons_SameRules()
    {
        var (c, _, _) = HearingRules.Schedule(EvidenceRulesTests.InEvidenceStage(), Judge, China("2026-12-03T16:00"), "hr1", "doc1",
            InCourt("2026-12-10T09:00"));
        Assert.Equal("hearing-notice-too-short", Assert.Throws<DomainRuleException>(() => HearingRules.Postpone(c, Judge,
            China("2026-12-08T10:00"), "hr1", "hr2", "doc2", China("2026-12-11T09:00"), ["被告申请"])).Rule);
        var (moved, e, h2) = HearingRules.Postpone(c, Judge, China("2026-12-08T10:00"), "hr1", "hr2", "doc2", China("2026-12-15T09:00"),
            ["被告申请"]);
        Assert.Equal(CaseStatus.HearingScheduled, moved.Status);
        Assert.Equal(HearingState.Adjourned, moved.Hearings!.Find("hr1")!.State);
        Assert.Equal("hr2", moved.Hearings!.Find("hr1")!.AdjournedTo);
        Assert.Equal(("hr1", "第三法庭", "doc2"), (h2.AdjournedFrom, h2.Courtroom, h2.Summons!.DocumentId));
        Assert.Contains("被告申请", e.Reason);
        Assert.Equal("hearing-not-scheduled", Assert.Throws<DomainRuleException>(() => HearingRules.Cancel(moved, Judge,
            China("2026-12-08T11:00"), "hr1", "doc3", ["x"])).Rule);
    }

    [Fact]
    public void Cancel_ServesANoticeOfCancellation_AndLetsTheJudgeScheduleAgain()
    {
        var (c, _, _) = HearingRules.Schedule(EvidenceRulesTests.InEvidenceStage(), Judge, China("2026-12-03T16:00"), "hr1", "doc1",
            InCourt("2026-12-10T09:00"));
        Assert.Equal("hearing-already-scheduled", Assert.Throws<DomainRuleException>(() => HearingRules.Schedule(c, Judge,
            China("2026-12-03T17:00"), "hr2", "doc2", InCourt("2026-12-11T09:00"))).Rule);
        var (cancelled, _, h) = HearingRules.Cancel(c, Judge, China("2026-12-04T10:00"), "hr1", "doc3", ["调解"]);
        Assert.Equal(HearingState.Cancelled, h.State);
        Assert.Equal(ServedDocumentKind.HearingCancellation, h.Notices[^1].Kind);
        Assert.Equal(CaseStatus.HearingScheduled, cancelled.Status);
        var (again, _, _) = HearingRules.Schedule(cancelled, Judge, China("2026-12-04T11:00"), "hr2", "doc4", InCourt("2026-12-14T09:00"));
        Assert.Equal(2, again.Hearings!.Hearings.Count);
    }

    [Fact]
    public void Record_EveryPartyOnce_AbsenceWithoutReasonNamesItsConsequence_CaseHeard()
    {
        var (c, _, _) = HearingRules.Schedule(EvidenceRulesTests.InEvidenceStage(), Judge, China("2026-12-03T16:00"), "hr1", "doc1",
            InCourt("2026-12-10T09:00"));
        var minutes = new CaseDocument("docm", DocumentKind.Minutes, "笔录.pdf", "application/pdf", 10, new string('b', 64), "clerk-wang",
            China("2026-12-10T11:00"));
        var at = China("2026-12-10T11:30");
        Assert.Equal("hearing-not-yet-held", Assert.Throws<DomainRuleException>(() => HearingAttendance.Record(c, Judge,
            China("2026-12-10T08:00"), "hr1", [new(1, true, null), new(2, true, null)], minutes)).Rule);
        Assert.Equal("attendance-incomplete", Assert.Throws<DomainRuleException>(() => HearingAttendance.Record(c, Judge, at, "hr1",
            [new(1, true, null), new(1, true, null)], minutes)).Rule);
        Assert.Equal("minutes-document-kind-required", Assert.Throws<DomainRuleException>(() => HearingAttendance.Record(c, Judge, at,
            "hr1", [new(1, true, null), new(2, true, null)], minutes with { Kind = DocumentKind.Evidence })).Rule);
        var (heard, e, record) = HearingAttendance.Record(c, Judge, at, "hr1", [new(2, false, null), new(1, false, "网络故障")], minutes);
        Assert.Equal(CaseStatus.Heard, heard.Status);
        Assert.Equal(HearingState.Held, heard.Hearings!.Find("hr1")!.State);
        Assert.Equal([1, 2], record.Attendance.Select(a => a.PartyNumber));
        Assert.Contains("judgment by default (CPL art. 147)", e.Reason);
        Assert.DoesNotContain("CPL art. 146", e.Reason);
        // A further hearing may follow.
        Assert.Equal(CaseStatus.HearingScheduled, HearingRules.Schedule(heard, Judge, at, "hr2", "doc2", InCourt("2026-12-16T09:00")).Case
            .Status);
    }

    // ---- Joining an online hearing: identity verified again (Online Litigation Rules art. 7), a signed, expiring link ----

    private static CourtCase Online(out string hearingId)
    {
        hearingId = "hrg000000000000000000000001";
        return HearingRules.Schedule(EvidenceRulesTests.InEvidenceStage(), Judge, China("2026-12-03T16:00"), hearingId, "doc1",
            new HearingPlan(China("2026-12-10T09:00"), null, true, false, false)).Case;
    }

    [Fact]
    public void Join_OnTheDay_WithAFreshVerification_UntilTheEndOfTheDay_RecordedOnce()
    {
        var c = Online(out var id);
        var at = China("2026-12-10T08:50");
        var v = new IdentityVerification("face", China("2026-12-10T08:45"), true);
        var (_, expires) = HearingJoin.Check(c, id, new HashSet<int> { 1 }, v, at);
        Assert.Equal(China("2026-12-11T00:00"), expires);
        var (recorded, e) = HearingJoin.Record(c, Plaintiff, id, v, at)!.Value;
        Assert.Equal(HearingActions.VerifyIdentityForHearing, e.Action);
        Assert.Contains("method face", e.Reason);
        Assert.Contains("2026-12-10 08:45:00", e.Reason);
        Assert.Null(HearingJoin.Record(recorded, Plaintiff, id, v, at));
    }

    [Theory]
    [InlineData(null, "2026-12-10T08:50", "online-hearing-identity-not-verified")]
    [InlineData("2026-12-10T08:19", "2026-12-10T08:50", "online-hearing-identity-not-verified")]
    [InlineData("2026-12-09T20:00", "2026-12-09T20:05", "hearing-join-not-open")]
    public void Join_WithoutARecentVerification_OrBeforeItsDay_Refused(string? verifiedAt, string now, string rule)
    {
        var c = Online(out var id);
        var v = verifiedAt is null ? null : new IdentityVerification("face", China(verifiedAt), true);
        Assert.Equal(rule, Assert.Throws<DomainRuleException>(() => HearingJoin.Check(c, id, new HashSet<int> { 2 }, v, China(now))).Rule);
    }

    [Fact]
    public void Join_AVerificationThatFailed_Refused_AHearingInCourt_Refused()
    {
        var c = Online(out var id);
        Assert.Equal("online-hearing-identity-not-verified", Assert.Throws<DomainRuleException>(() => HearingJoin.Check(c, id,
            new HashSet<int> { 1 }, new IdentityVerification("face", China("2026-12-10T08:45"), false), China("2026-12-10T08:50"))).Rule);
        var (inCourt, _, h) = HearingRules.Schedule(EvidenceRulesTests.InEvidenceStage(), Judge, China("2026-12-03T16:00"), "hr2", "doc2",
            InCourt("2026-12-10T09:00"));
        Assert.Equal("hearing-not-online", Assert.Throws<DomainRuleException>(() => HearingJoin.Check(inCourt, "hr2",
            new HashSet<int> { 1 }, new IdentityVerification("face", China("2026-12-10T08:45"), true), China("2026-12-10T08:50"))).Rule);
    }

    [Fact]
    public void JoinToken_IsTheHmacOfItsFields_CheckedByAnotherImplementation_ExpiresAtTheEndOfTheDay()
    {
        var key = System.Text.Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef");
        // Python's hmac and base64 over "hrg…1|cs…1|user-liu|1796918400" (2026-12-11T00:00+08:00) gave this token.
        const string expected = "aHJnMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAxfGNzMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAxfHVzZXItbGl1fDE3OTY5MTg0MDA"
            + ".2Fw-jq2HJUK1aaSqYD0CpmYA0taAPVSH9wzAGehZbyI";
        var token = HearingJoinToken.Issue(key, "hrg000000000000000000000001", "cs000000000000000000000001", "user-liu",
            China("2026-12-11T00:00"));
        Assert.Equal(expected, token);
        Assert.Equal("user-liu", HearingJoinToken.Verify(key, token, China("2026-12-10T23:59"))!.Value.UserId);
        Assert.Null(HearingJoinToken.Verify(key, token, China("2026-12-11T00:00")));
        Assert.Null(HearingJoinToken.Verify(key, "b" + token[1..], China("2026-12-10T09:00")));
        Assert.Null(HearingJoinToken.Verify(key, "aHJn" + token[4..^2] + "xx", China("2026-12-10T09:00")));
    }
}
