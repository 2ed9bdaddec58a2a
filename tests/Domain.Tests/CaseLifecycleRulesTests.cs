using ECourt.Domain.Answer;
using ECourt.Domain.Assignment;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Courts;
using ECourt.Domain.Fees;
using ECourt.Domain.Filing;
using ECourt.Domain.Numbering;
using ECourt.Domain.Parties;
using ECourt.Domain.Payments;
using ECourt.Domain.ServiceOfProcess;
using ECourt.Domain.TrialLimit;

namespace ECourt.Domain.Tests;

public class CaseLifecycleRulesTests
{
    private static readonly DeadlineCalculator Calc = new(new CourtCalendar(PublishedCalendars.All));
    private static readonly FilingReview Review = new(Calc);
    private static readonly FeeCollection Fees = new(Calc, CourtDirectory.HarbinGroup.Get);
    private static readonly CaseRegistration Registration = new(Fees);
    private static readonly Actor Filer = new("user-1", "party");
    private static readonly Actor Clerk = new("clerk-1", "clerk");
    private static readonly Actor Judge = new("judge-1", "judge");

    private static DateTimeOffset China(string local) => DateTimeOffset.Parse(local + "+08:00");

    internal static CourtCase Draft(decimal claim = 100_000m, FeeAid? aid = null)
    {
        Party P(int n, PartyRole role, string? user) => new(n, role, PartyKind.Person, "张三", IdentityDocumentType.ResidentId,
            "11010519491231002X",
            null, null, null, null, user, false, null, [], []);
        var (c, _) = CourtCase.Draft("cs000000000000000000000001", "黑01", FeeCaseType.Property, Procedure.Ordinary, "民间借贷纠纷", claim,
            "判令被告偿还借款", "事实", [P(1, PartyRole.Plaintiff, "user-1"), P(2, PartyRole.Defendant, null)], Filer, "fp",
                China("2026-11-20T09:00"));
        return c.With(aid);
    }

    [Fact]
    public void Credit_ToCaseNotRegistered_Refused_NamingItsState_ToRegisteredCase_Taken()
    {
        var (submitted, _) = Review.Submit(Draft(), Filer, China("2026-11-26T10:00"), true);
        var refused = FeeCollection.CreditRefusal(submitted);
        Assert.Equal("case-not-registered", refused!.Rule);
        Assert.Contains("Submitted", refused.Message);
        var credit = new FeeCredit("ICBC", "T1", 100m, China("2026-11-27T10:00"));
        var booking = Assert.Throws<DomainRuleException>(() => Fees.ApplyCredit(submitted, credit, China("2026-11-27T10:00")));
        Assert.Equal("case-not-registered", booking.Rule);
        var number = new CaseNumber(2026, "黑01", "民初", 1);
        var registered = Registration.Register(submitted, Clerk, China("2026-11-26T11:00"), number, "6217000126110000013", false,
            CourtDirectory.Harbin).Case;
        Assert.Null(FeeCollection.CreditRefusal(registered));
    }

    [Fact]
    public void Draft_FilerNotAParty_Refused()
    {
        var ex = Assert.Throws<DomainRuleException>(() => CourtCase.Draft("cs000000000000000000000001", "黑01", FeeCaseType.Property,
            Procedure.Ordinary,
            "x", 1m, "x", "x", Draft().Parties, new Actor("stranger", "party"), "fp", China("2026-11-20T09:00")));
        Assert.Equal("filer-not-a-party", ex.Rule);
    }

    [Fact]
    public void Submit_WithoutComplaint_Refused() =>
        Assert.Equal("complaint-required", Assert.Throws<DomainRuleException>(() => Review.Submit(Draft(), Filer,
            China("2026-11-26T10:00"), false)).Rule);

    [Fact]
    public void Submit_StartsSevenDayReview()
    {
        var (c, e) = Review.Submit(Draft(), Filer, China("2026-11-26T10:00"), true);
        Assert.Equal(CaseStatus.Submitted, c.Status);
        Assert.Equal(new DateOnly(2026, 12, 3), c.Review!.Deadline.LastDay);
        Assert.Equal(CaseStatus.Draft, e.From);
        Assert.Equal(CaseStatus.Submitted, e.To);
        Assert.Equal("user-1", e.ActorId);
        Assert.Equal(2, e.Sequence);
    }

    [Fact]
    public void WrongState_RefusedNamingStateAndAction()
    {
        var ex = Assert.Throws<TransitionRefusedException>(() => Review.Reject(Draft(), Clerk, China("2026-11-26T10:00"), ["x"]));
        Assert.Contains("Draft", ex.Message);
        Assert.Contains("RejectFiling", ex.Message);
        Assert.Equal("transition-not-allowed", ex.Rule);
    }

    [Fact]
    public void EveryAction_HasATableEntry()
    {
        Assert.All(CaseModules.All.SelectMany(m => m.Actions), a => Assert.Contains(a, CaseTransitions.Table));
        Assert.Equal(CaseTransitions.Table.Count, CaseTransitions.Table.Select(a => a.Name).Distinct().Count());
        Assert.All(CaseTransitions.Table, a => Assert.False(string.IsNullOrWhiteSpace(a.Source)));
    }

    [Fact]
    public void Correction_OneNotice_RestartsSevenDaysOnArrival()
    {
        var (s, _) = Review.Submit(Draft(), Filer, China("2026-11-26T10:00"), true);
        var (c, _) = Review.RequestCorrection(s, Clerk, China("2026-11-27T10:00"), ["原告身份证明缺失"], 15);
        Assert.Equal(CaseStatus.CorrectionRequested, c.Status);
        // 2026-11-27 + 15 days = Sat 2026-12-12 → Mon 2026-12-14.
        Assert.Equal(new DateOnly(2026, 12, 14), c.Review!.Correction!.CureDeadline.LastDay);
        var (r, _) = Review.SubmitCorrections(c, Filer, China("2026-12-01T10:00"), x => x with { Facts = "补正后的事实" });
        Assert.Equal(CaseStatus.Submitted, r.Status);
        Assert.Equal("补正后的事实", r.Facts);
        Assert.Equal(new DateOnly(2026, 12, 8), r.Review!.Deadline.LastDay);
        Assert.Equal("one-correction-notice", Assert.Throws<DomainRuleException>(() => Review.RequestCorrection(r, Clerk,
            China("2026-12-02T10:00"), ["again"], 15)).Rule);
    }

    [Fact]
    public void Correction_NotCuredInTime_Returned()
    {
        var (s, _) = Review.Submit(Draft(), Filer, China("2026-11-26T10:00"), true);
        var (c, _) = Review.RequestCorrection(s, Clerk, China("2026-11-27T10:00"), ["缺少证据目录"], 15);
        Assert.Null(Review.ReturnIfUncured(c, China("2026-12-14T23:59")));
        var (returned, e) = Review.ReturnIfUncured(c, China("2026-12-15T00:00"))!.Value;
        Assert.Equal(CaseStatus.Returned, returned.Status);
        Assert.Equal("system", e.ActorId);
    }

    [Fact]
    public void UndecidedAtDeadline_RegisteredFirst_RecordedAsSuch()
    {
        var (s, _) = Review.Submit(Draft(), Filer, China("2026-11-26T10:00"), true);
        Assert.False(FilingReview.IsUndecidedAtDeadline(s, China("2026-12-03T23:59")));
        var at = China("2026-12-04T00:00");
        Assert.True(FilingReview.IsUndecidedAtDeadline(s, at));
        var (r, e) = Registration.Register(s, Actor.System, at, new CaseNumber(2026, "黑01", "民初", 1), "6217000126110000013", true,
            CourtDirectory.Harbin);
        Assert.Equal(CaseStatus.AwaitingFee, r.Status);
        Assert.True(r.Review!.RegisteredOnDeadline);
        Assert.Equal(FilingActions.RegisterOnReviewDeadline.Name, e.Action);
        Assert.Equal("（2026）黑01民初1号", r.CaseNumber);
    }

    /// <summary>Registered at <paramref name="at"/>, with the fee notice served at the same moment.</summary>
    private static CourtCase Registered(string at, FeeAid? aid = null)
    {
        var (s, _) = Review.Submit(Draft(aid: aid), Filer, China("2026-11-20T10:00"), true);
        var registered = Registration.Register(s, Clerk, China(at), new CaseNumber(2026, "黑01", "民初", 1), "6217000126110000013", false,
            CourtDirectory.Harbin).Case;
        return Fees.NoticeServed(registered, China(at))!.Value.Case;
    }

    [Fact]
    public void FeeNotice_IssuedAtRegistration_PeriodRunsOnlyFromService()
    {
        var (s, _) = Review.Submit(Draft(), Filer, China("2026-11-20T10:00"), true);
        var issued = Registration.Register(s, Clerk, China("2026-11-26T10:00"), new CaseNumber(2026, "黑01", "民初", 1),
            "6217000126110000013", false, CourtDirectory.Harbin).Case;
        Assert.Null(issued.FeeNotice!.ServedOn);
        Assert.Null(issued.FeeNotice!.DueDate);
        Assert.DoesNotContain(CaseDeadlines.Pending(issued, China("2026-11-26T10:00"), Calc), d => d.Kind == FeesStage.PaymentDeadline);
        // Served Mon 2026-11-30 (the SMS reached the party): 7 days from Tue 12-01, due Mon 12-07.
        var (served, e) = Fees.NoticeServed(issued, China("2026-11-30T15:20"))!.Value;
        Assert.Equal(new DateOnly(2026, 11, 30), served.FeeNotice!.ServedOn);
        Assert.Equal(new DateOnly(2026, 12, 7), served.FeeNotice!.DueDate);
        Assert.Equal("FeeNoticeServed", e.Action);
        Assert.Null(Fees.NoticeServed(served, China("2026-12-01T10:00")));
    }

    [Fact]
    public void FeeNotice_ThursdayNotice_DueThursdayNextWeek_CheckedAfterGrace()
    {
        var c = Registered("2026-11-26T10:00");
        var n = c.FeeNotice!;
        Assert.Equal(2300m, n.AmountDue);
        Assert.Equal(new DateOnly(2026, 11, 26), n.ServedOn);
        Assert.Equal(new DateOnly(2026, 12, 3), n.DueDate);
        Assert.Equal(China("2026-12-04T00:00"), n.PeriodEndsAt);
        // Grace: the end of the next working day, Fri 2026-12-04.
        Assert.Equal(China("2026-12-05T00:00"), n.LedgerCheckAt);
    }

    [Fact]
    public void FeeNotice_SaturdayNotice_DueMonday_GraceSkipsToTuesdayEnd()
    {
        var n = Registered("2026-11-28T10:00").FeeNotice!;
        Assert.Equal(new DateOnly(2026, 12, 7), n.DueDate);
        Assert.Equal(China("2026-12-09T00:00"), n.LedgerCheckAt);
    }

    [Fact]
    public void Credit_BookedBeforeEnd_CountsEvenIfReportedLate()
    {
        var c = Registered("2026-11-26T10:00");
        var (paid, e) = Fees.ApplyCredit(c, new FeeCredit("ICBC", "T1", 2300m, China("2026-12-03T23:59")), China("2026-12-04T09:00"));
        Assert.Equal(CaseStatus.Accepted, paid.Status);
        Assert.Equal(FeesActions.SettleFee.Name, e.Action);
    }

    [Fact]
    public void Credit_PartialThenRest_Accepted()
    {
        var c = Registered("2026-11-26T10:00");
        var (half, _) = Fees.ApplyCredit(c, new FeeCredit("ICBC", "T1", 1150m, China("2026-11-27T10:00")), China("2026-11-27T10:00"));
        Assert.Equal(CaseStatus.AwaitingFee, half.Status);
        Assert.Equal(1150m, half.FeeNotice!.AmountPaid);
        var (all, _) = Fees.ApplyCredit(half, new FeeCredit("ABC", "T1", 1200m, China("2026-11-28T10:00")), China("2026-11-28T10:00"));
        Assert.Equal(CaseStatus.Accepted, all.Status);
        Assert.Equal(50m, all.FeeNotice!.Overpaid);
    }

    [Fact]
    public void Credit_BookedAfterEnd_NotInTime_FlaggedOverdue()
    {
        var c = Registered("2026-11-26T10:00");
        var (late, _) = Fees.ApplyCredit(c, new FeeCredit("ICBC", "T1", 2300m, China("2026-12-04T00:00")), China("2026-12-04T08:00"));
        Assert.Equal(CaseStatus.AwaitingFee, late.Status);
        Assert.Null(Fees.CheckAfterPeriod(late, China("2026-12-04T23:59")));
        var (overdue, _) = Fees.CheckAfterPeriod(late, China("2026-12-05T00:00"))!.Value;
        Assert.Equal(CaseStatus.FeeOverdue, overdue.Status);
        var (withdrawn, _) = Fees.RuleWithdrawn(overdue, Judge, China("2026-12-07T10:00"), []);
        Assert.Equal(CaseStatus.DeemedWithdrawn, withdrawn.Status);
    }

    [Fact]
    public void FeeAid_WithFiling_SuspendsPeriod_RefusalPeriodRunsFromTheDayAfterTheDecisionIsServed()
    {
        var aid = new FeeAid(FeeAidKind.Reduce, ["低保户"], "user-1", China("2026-11-20T09:00"), null);
        var registered = Registered("2026-11-26T10:00", aid);
        Assert.Null(registered.FeeNotice!.DueDate);
        var (pending, _) = Fees.SuspendForPendingAid(registered, China("2026-11-26T10:00"))!.Value;
        Assert.Equal(CaseStatus.FeeAidPending, pending.Status);
        Assert.Null(Fees.CheckAfterPeriod(pending, China("2027-01-01T00:00")));
        // Refused on Fri 2026-12-11: no period until the decision reaches the plaintiff; the case is watched meanwhile.
        var (refused, e) = Fees.DecideAid(pending, Judge, China("2026-12-11T15:00"), FeeAidOutcome.Refused, null, null, ["不符合条件"]);
        Assert.Equal(CaseStatus.AwaitingFee, refused.Status);
        Assert.Equal(FeesActions.DecideFeeAid.Name, e.Action);
        Assert.Null(refused.FeeNotice!.DueDate);
        Assert.Equal(2300m, refused.FeeNotice!.AmountDue);
        Assert.DoesNotContain(CaseDeadlines.Pending(refused, China("2026-12-11T15:00"), Calc), d => d.Kind == FeesStage.PaymentDeadline);
        Assert.False(CaseDeadlines.LifecycleEnded(refused));
        // Served Mon 2026-12-14 (Measures art. 22): 7 days from Tue 12-15, due Mon 12-21.
        var (served, s) = Fees.DecisionServed(refused, China("2026-12-14T09:30"))!.Value;
        Assert.Equal("FeeAidDecisionServed", s.Action);
        Assert.Equal(new DateOnly(2026, 12, 14), served.FeeAid!.Decision!.Service!.ServedOn);
        Assert.Equal(new DateOnly(2026, 12, 21), served.FeeNotice!.DueDate);
        // The notice keeps the day it was itself served.
        Assert.Equal(new DateOnly(2026, 11, 26), served.FeeNotice!.ServedOn);
        var payment = CaseDeadlines.Pending(served, China("2026-12-14T09:30"), Calc).Single(d => d.Kind == FeesStage.PaymentDeadline);
        Assert.Equal(China("2026-12-23T00:00"), payment.KeepAt);
        Assert.Null(Fees.DecisionServed(served, China("2026-12-15T09:30")));
    }

    [Fact]
    public void FeeAid_Waived_Accepted_TheDecisionStillServed_NothingWaitsForIt()
    {
        var c = Registered("2026-11-26T10:00");
        var (pending, _) = Fees.ApplyForAid(c, Filer, China("2026-11-27T10:00"), FeeAidKind.Waive, ["无力负担"]);
        Assert.Equal(CaseStatus.FeeAidPending, pending.Status);
        var (waived, _) = Fees.DecideAid(pending, Judge, China("2026-11-30T10:00"), FeeAidOutcome.Granted, null, null, []);
        Assert.Equal(CaseStatus.Accepted, waived.Status);
        Assert.True(waived.FeeNotice!.Paid);
        Assert.True(waived.FeeAid!.Decision!.ToSend);
        var (sent, _) = FeeCollection.DecisionSentForService(waived, China("2026-11-30T10:00"), [1])!.Value;
        var (served, _) = Fees.DecisionServed(sent, China("2026-12-01T10:00"))!.Value;
        Assert.Equal(CaseStatus.Accepted, served.Status);
        Assert.Null(served.FeeNotice!.DueDate);
        Assert.DoesNotContain(CaseDeadlines.Pending(served, China("2026-12-01T10:00"), Calc), IsFeeDeadline);
    }

    [Fact]
    public void FeeAid_Reduced_NewAmount_PeriodFromTheDecisionsService()
    {
        var c = Registered("2026-11-26T10:00");
        var (pending, _) = Fees.ApplyForAid(c, Filer, China("2026-11-27T10:00"), FeeAidKind.Reduce, ["困难"]);
        var (reduced, _) = Fees.DecideAid(pending, Judge, China("2026-11-30T10:00"), FeeAidOutcome.Granted, 1000m, null, []);
        Assert.Equal(1000m, reduced.FeeNotice!.AmountDue);
        Assert.Null(reduced.FeeNotice!.DueDate);
        // Decided Mon 11-30, served Wed 12-02: 7 days from Thu 12-03, due Wed 12-09.
        Assert.Equal(new DateOnly(2026, 12, 9), Fees.DecisionServed(reduced, China("2026-12-02T16:00"))!.Value.Case.FeeNotice!.DueDate);
    }

    [Fact]
    public void FeeAid_Deferred_DateCountsOnceServed_NeverLessThanSevenDaysFromService()
    {
        var c = Registered("2026-11-26T10:00");
        var (pending, _) = Fees.ApplyForAid(c, Filer, China("2026-11-27T10:00"), FeeAidKind.Defer, ["暂时困难"]);
        (CourtCase Case, CaseEvent Event) Defer(DateOnly until) =>
            Fees.DecideAid(pending, Judge, China("2026-12-01T10:00"), FeeAidOutcome.Granted, null, until, []);
        var (deferred, _) = Defer(new DateOnly(2026, 12, 31));
        Assert.Null(deferred.FeeNotice!.DueDate);
        Assert.DoesNotContain(CaseDeadlines.Pending(deferred, China("2027-01-05T10:00"), Calc), d => d.Kind == FeesStage.PaymentDeadline);
        // Served Thu 12-03: the deferral's Thu 12-31 stands.
        var served = Fees.DecisionServed(deferred, China("2026-12-03T10:00"))!.Value.Case.FeeNotice!;
        Assert.Equal(new DateOnly(2026, 12, 31), served.DueDate);
        Assert.Equal(China("2027-01-01T00:00"), served.PeriodEndsAt);
        // A deferral to Sat 12-19 ends on Mon 12-21, the next working day (CPL art. 85).
        var (toSaturday, _) = Defer(new DateOnly(2026, 12, 19));
        Assert.Equal(new DateOnly(2026, 12, 21), Fees.DecisionServed(toSaturday, China("2026-12-03T10:00"))!.Value.Case.FeeNotice!.DueDate);
        // Deferred to Fri 12-04 but served only on Thu 12-03: not one day to pay; the 7 days from Fri 12-04 apply, due Thu 12-10.
        var (tooShort, _) = Defer(new DateOnly(2026, 12, 4));
        Assert.Equal(new DateOnly(2026, 12, 10), Fees.DecisionServed(tooShort, China("2026-12-03T10:00"))!.Value.Case.FeeNotice!.DueDate);
    }

    [Fact]
    public void FeeAid_DecidedBeforeTheNoticeWasServed_NoPeriodUntilBothAreServed_FromTheLater()
    {
        var aid = new FeeAid(FeeAidKind.Reduce, ["低保户"], "user-1", China("2026-11-20T09:00"), null);
        var (s, _) = Review.Submit(Draft(aid: aid), Filer, China("2026-11-20T10:00"), true);
        var number = new CaseNumber(2026, "黑01", "民初", 1);
        var registered = Registration.Register(s, Clerk, China("2026-11-26T10:00"), number, "6217000126110000013", false,
            CourtDirectory.Harbin).Case;
        var (pending, _) = Fees.SuspendForPendingAid(registered, China("2026-11-26T10:00"))!.Value;
        var (refused, _) = Fees.DecideAid(pending, Judge, China("2026-11-27T10:00"), FeeAidOutcome.Refused, null, null, ["不符合条件"]);
        // The decision reaches the plaintiff Mon 11-30; the notice never has: no period.
        var (decisionServed, e) = Fees.DecisionServed(refused, China("2026-11-30T10:00"))!.Value;
        Assert.Null(decisionServed.FeeNotice!.DueDate);
        Assert.Contains("once the fee notice is served", e.Reason);
        Assert.DoesNotContain(CaseDeadlines.Pending(decisionServed, China("2026-12-30T10:00"), Calc), d =>
            d.Kind == FeesStage.PaymentDeadline);
        // The notice on Wed 12-02: 7 days from Thu 12-03, due Wed 12-09.
        var (both, _) = Fees.NoticeServed(decisionServed, China("2026-12-02T10:00"))!.Value;
        Assert.Equal(new DateOnly(2026, 12, 2), both.FeeNotice!.ServedOn);
        Assert.Equal(new DateOnly(2026, 12, 9), both.FeeNotice!.DueDate);
        // The other order: the notice served first, on 11-30, and the decision then never served: no period either.
        var (noticeFirst, _) = Fees.NoticeServed(refused, China("2026-11-30T10:00"))!.Value;
        Assert.Null(noticeFirst.FeeNotice!.DueDate);
    }

    [Fact]
    public void FeeAid_DecisionToServe_KeptAtOnce_UntilSentForService()
    {
        var c = Registered("2026-11-26T10:00");
        var (pending, _) = Fees.ApplyForAid(c, Filer, China("2026-11-27T10:00"), FeeAidKind.Reduce, ["困难"]);
        var (refused, _) = Fees.DecideAid(pending, Judge, China("2026-11-30T10:00"), FeeAidOutcome.Refused, null, null, ["不符合条件"]);
        var next = CaseDeadlines.Pending(refused, China("2026-11-30T10:00"), Calc).Single(d => d.Kind == FeesStage.DecisionService);
        Assert.Equal(China("2026-11-30T10:00"), next.KeepAt);
        var (sent, e) = FeeCollection.DecisionSentForService(refused, China("2026-11-30T10:00"), [1])!.Value;
        Assert.Equal("SendFeeAidDecision", e.Action);
        Assert.Null(FeeCollection.DecisionSentForService(sent, China("2026-11-30T10:01"), [1]));
        Assert.DoesNotContain(CaseDeadlines.Pending(sent, China("2026-11-30T10:00"), Calc), d => d.Kind == FeesStage.DecisionService);
        // Sent, not yet served: no fee deadline to keep, and the lifecycle keeps watching.
        Assert.DoesNotContain(CaseDeadlines.Pending(sent, China("2026-11-30T10:00"), Calc), IsFeeDeadline);
        Assert.False(CaseDeadlines.LifecycleEnded(sent));
    }

    [Fact]
    public void FeeAid_DecidedBeforeDecisionsWereServed_KeepsItsPeriod_NothingToServe()
    {
        // As stored by the release before: the decision without its service, the period started on the decision's day.
        var c = Registered("2026-11-26T10:00");
        var (pending, _) = Fees.ApplyForAid(c, Filer, China("2026-11-27T10:00"), FeeAidKind.Reduce, ["困难"]);
        var decision = new FeeAidDecision(FeeAidOutcome.Refused, null, null, ["不符合条件"], "judge-1", China("2026-11-30T10:00"));
        var stored = pending.With(pending.FeeAid! with { Decision = decision }) with { Status = CaseStatus.AwaitingFee };
        stored = stored.With(Fees.StartPeriod(stored.FeeNotice!, new DateOnly(2026, 11, 30), CourtDirectory.Harbin));
        Assert.False(decision.ToSend);
        var kept = Assert.Single(CaseDeadlines.Pending(stored, China("2026-11-30T10:00"), Calc), IsFeeDeadline);
        Assert.Equal(new DateOnly(2026, 12, 7), kept.LastDay);
        Assert.Null(Fees.DecisionServed(stored, China("2026-12-01T10:00")));
    }

    private static bool IsFeeDeadline(PendingDeadline d) => d.Kind.StartsWith("fee", StringComparison.Ordinal);

    private static readonly ComplaintService Complaint = new(Calc);

    [Fact]
    public void ComplaintCopy_DispatchWithinFiveDays_AnswerFifteenDaysFromService_ThenEvidenceStage()
    {
        var c = Registered("2026-11-26T10:00");
        var (started, _) = Complaint.Started(c, China("2026-11-26T10:01"))!.Value;
        // Registered Thu 2026-11-26: 5 days → Tue 2026-12-01 (CPL art. 128).
        Assert.Equal(new DateOnly(2026, 12, 1), started.ServiceOfProcess!.DispatchDeadline.LastDay);
        Assert.Null(Complaint.Started(started, China("2026-11-26T10:02")));

        // Not dispatched by the end of 12-01: flagged once, not before.
        Assert.Null(ComplaintService.FlagDispatchOverdue(started, China("2026-12-01T23:59"), [2]));
        var (flagged, flag) = ComplaintService.FlagDispatchOverdue(started, China("2026-12-02T00:00"), [2])!.Value;
        Assert.Equal("ComplaintDispatchOverdue", flag.Action);
        Assert.Null(ComplaintService.FlagDispatchOverdue(flagged, China("2026-12-03T00:00"), [2]));

        // Served Mon 2026-11-30: 15 days → Tue 2026-12-15 (the answer period, CPL art. 128).
        var (served, events) = Complaint.Served(started, 2, China("2026-11-30T15:00"))!.Value;
        Assert.Equal(new DateOnly(2026, 12, 15), served.ServiceOfProcess!.AnswerDeadline!.LastDay);
        Assert.Single(events);
        Assert.Equal(CaseStatus.AwaitingFee, served.Status);
        Assert.Null(Complaint.Served(served, 2, China("2026-12-01T10:00")));

        // The fee is settled: every defendant served, so the case moves to the answer and evidence stage.
        var (paid, _) = Fees.ApplyCredit(served, new FeeCredit("ICBC", "T1", 2300m, China("2026-12-01T10:00")), China("2026-12-01T10:00"));
        Assert.Equal(CaseStatus.Accepted, paid.Status);
        Assert.Equal(ServiceOfProcessStage.EvidenceExchange, CaseDeadlines.NextToKeep(paid, China("2026-12-01T10:00"), Calc)!.Kind);
        Assert.False(CaseDeadlines.LifecycleEnded(paid));
        var (evidence, begin) = ComplaintService.BeginIfReady(paid, China("2026-12-01T10:00"))!.Value;
        Assert.Equal(CaseStatus.EvidenceExchange, evidence.Status);
        Assert.Equal(ServiceOfProcessActions.BeginEvidenceExchange.Name, begin.Action);
        // Accepted, the case is to be assigned at once; once it is, nothing to keep yet in the evidence stage, but the case is
        // open: its lifecycle waits for the next deadline.
        Assert.Equal(AssignmentModule.AssignmentDue, CaseDeadlines.NextToKeep(evidence, China("2026-12-01T10:00"), Calc)!.Kind);
        // Then the unlinked defendant's 3 days to link its account (served Mon 11-30: Thu 12-03, Online Litigation Rules art. 10),
        // and once it is recorded, only the trial time limit's warning: registered 2026-11-26, 181 days to 2027-05-26, four fifths
        // on day 145.
        var next = CaseDeadlines.NextToKeep(Assigned(evidence), China("2026-12-01T10:00"), Calc)!;
        Assert.Equal((AnswerStage.OnlineLinkingDeadline, new DateOnly(2026, 12, 3)), (next.Kind, next.LastDay));
        var offline = OnlineLinking.Lapse(Assigned(evidence), China("2026-12-04T00:00"), Calc)!.Value.Case;
        next = CaseDeadlines.NextToKeep(offline, China("2026-12-04T00:00"), Calc)!;
        Assert.Equal((TrialLimitModule.WarningDeadline, new DateOnly(2027, 4, 20)), (next.Kind, next.LastDay));
        Assert.False(CaseDeadlines.LifecycleEnded(evidence));
    }

    private static CourtCase Assigned(CourtCase c) =>
        c.With(new CaseAssignment("judge-zhao", "clerk-wang", Division.Civil, China("2026-11-27T10:00"), "system"));

    [Fact]
    public void ComplaintCopy_ServedAfterAcceptance_MovesTheCaseAtOnce()
    {
        var c = Registered("2026-11-26T10:00");
        var (started, _) = Complaint.Started(c, China("2026-11-26T10:01"))!.Value;
        var (paid, _) = Fees.ApplyCredit(started, new FeeCredit("ICBC", "T1", 2300m, China("2026-11-27T10:00")), China("2026-11-27T10:00"));
        // Accepted with the defendant not yet served: once assigned, nothing to keep but the trial time limit's warning (day 145 of
        // 181 from registration) until service completes, which moves the case on.
        Assert.Equal(AssignmentModule.AssignmentDue, CaseDeadlines.NextToKeep(paid, China("2026-11-27T10:00"), Calc)!.Kind);
        Assert.Equal(TrialLimitModule.WarningDeadline, CaseDeadlines.NextToKeep(Assigned(paid), China("2026-11-27T10:00"), Calc)!.Kind);
        Assert.False(CaseDeadlines.LifecycleEnded(paid));
        var (served, events) = Complaint.Served(paid, 2, China("2026-12-02T09:00"))!.Value;
        Assert.Equal(CaseStatus.EvidenceExchange, served.Status);
        Assert.Equal(["ComplaintCopyServed", ServiceOfProcessActions.BeginEvidenceExchange.Name], events.Select(e => e.Action).ToArray());
    }

    [Fact]
    public void ConvertToOrdinary_HalvedFeeBecomesFull_TopUpIsTheDifference()
    {
        var (s, _) = Review.Submit(Draft() with { Procedure = ECourt.Domain.Cases.Procedure.Simplified }, Filer,
            China("2026-11-20T10:00"), true);
        var c = Registration.Register(s, Clerk, China("2026-11-26T10:00"), new CaseNumber(2026, "黑01", "民初", 1), "6217000126110000013",
            false, CourtDirectory.Harbin).Case;
        // 100,000.00 in simplified procedure: half of 2,300.00 (Measures art. 16).
        Assert.Equal(1150m, c.FeeNotice!.AmountDue);
        var (paid, _) = Fees.ApplyCredit(c, new FeeCredit("ICBC", "T1", 1150m, China("2026-11-27T10:00")), China("2026-11-27T10:00"));
        var conversion = new ProcedureConversion(CourtDirectory.HarbinGroup.Get);
        var (converted, e) = conversion.ToOrdinary(paid, Judge, China("2026-12-01T10:00"), ["需公告送达"]);
        Assert.Equal(ECourt.Domain.Cases.Procedure.Ordinary, converted.Procedure);
        Assert.Equal(2300m, converted.FeeNotice!.AmountDue);
        Assert.Contains("to top up 1150.00", e.Reason);
        Assert.Equal("already-ordinary-procedure", Assert.Throws<DomainRuleException>(() => conversion.ToOrdinary(converted, Judge,
            China("2026-12-01T11:00"), ["x"])).Rule);
        Assert.Equal("reasons-required", Assert.Throws<DomainRuleException>(() => conversion.ToOrdinary(paid, Judge,
            China("2026-12-01T11:00"), [])).Rule);
    }

    [Fact]
    public void ConvertToOrdinary_GrantedReductionKeepsItsShare()
    {
        var (s, _) = Review.Submit(Draft() with { Procedure = ECourt.Domain.Cases.Procedure.Simplified }, Filer,
            China("2026-11-20T10:00"), true);
        var c = Registration.Register(s, Clerk, China("2026-11-26T10:00"), new CaseNumber(2026, "黑01", "民初", 1), "6217000126110000013",
            false, CourtDirectory.Harbin).Case;
        var (applied, _) = Fees.ApplyForAid(c, Filer, China("2026-11-26T11:00"), FeeAidKind.Reduce, ["家庭经济困难"]);
        // The halved fee of 1,150.00 reduced by 30% to 805.00.
        var (reduced, _) = Fees.DecideAid(applied, Judge, China("2026-11-27T10:00"), FeeAidOutcome.Granted, 805m, null, ["酌减"]);
        Assert.Equal(805m, reduced.FeeNotice!.AmountDue);
        var (converted, e) = new ProcedureConversion(CourtDirectory.HarbinGroup.Get).ToOrdinary(reduced, Judge,
            China("2026-12-01T10:00"), ["需公告送达"]);
        // The full fee of 2,300.00 with the same 30% off: 1,610.00, not 2,300.00.
        Assert.Equal(1610m, converted.FeeNotice!.AmountDue);
        Assert.Contains("to top up 1610.00", e.Reason);
    }
}
