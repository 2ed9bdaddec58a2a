using System.Text;
using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Evidence;
using ECourt.Domain.Parties;

namespace ECourt.Domain.Tests;

/// <summary>
/// The evidence stage (DOMAIN.md "Evidence", "Online litigation"): the period of proof and its bounds (CPL Interpretation arts. 99,
/// 266, 275; SPC Evidence Provisions art. 51) counted per CPL art. 85 on the 2026 arrangement, extensions (art. 100), the chain
/// (Online Litigation Rules art. 16), the exchange (art. 14), cross-examination (Interpretation arts. 103–104) and late evidence
/// (arts. 101–102).
/// </summary>
public class EvidenceRulesTests
{
    private static readonly DeadlineCalculator Calc = new(new CourtCalendar(PublishedCalendars.All));
    private static readonly EvidencePeriods Periods = new(Calc);
    private static readonly Actor Judge = new("judge-zhao", "judge");
    private static readonly Actor Plaintiff = new("user-liu", "party");
    private static readonly Actor Defendant = new("user-wang", "lawyer");

    private static DateTimeOffset China(string local) => DateTimeOffset.Parse(local + "+08:00");

    private static DateOnly Day(string day) => DateOnly.Parse(day);

    internal static CourtCase InEvidenceStage(Procedure procedure = Procedure.Ordinary)
    {
        Party P(int n, PartyRole role, string name, string user) => new(n, role, PartyKind.Person, name, IdentityDocumentType.ResidentId,
            "11010519491231002X", null, null, null, null, user, false, null, [], []);
        return new CourtCase("cs000000000000000000000001", "黑01", FeeCaseType.Property, procedure, "民间借贷纠纷", 100_000m, "判令被告偿还借款",
            "事实", [P(1, PartyRole.Plaintiff, "刘志强", "user-liu"), P(2, PartyRole.Defendant, "王建国", "user-wang")], "user-liu", "fp",
            China("2026-11-20T09:00"), CaseStatus.EvidenceExchange, 9, "（2026）黑01民初1号", China("2026-11-21T09:00"));
    }

    private static CourtCase WithPeriod(string setAt, string endsOn, Procedure procedure = Procedure.Ordinary) =>
        Periods.Set(InEvidenceStage(procedure), Judge, China(setAt), Day(endsOn)).Case;

    // ---- The period of proof and its bounds ----

    [Theory]
    // Set on Tue 2026-12-01: the 15th day counted from the day after is Wed 12-16.
    [InlineData(Procedure.Ordinary, "2026-12-16", "2026-12-16")]
    [InlineData(Procedure.Ordinary, "2027-01-29", "2027-01-29")]
    [InlineData(Procedure.Simplified, "2026-12-16", "2026-12-16")]
    [InlineData(Procedure.Simplified, "2026-12-02", "2026-12-02")]
    // Small claims: the 7th day is Tue 12-08.
    [InlineData(Procedure.SmallClaims, "2026-12-08", "2026-12-08")]
    public void Period_WithinItsProceduresBounds_Set_EndingAt2400OfItsLastDay(Procedure procedure, string endsOn, string lastDay)
    {
        var (c, e) = Periods.Set(InEvidenceStage(procedure), Judge, China("2026-12-01T10:00"), Day(endsOn));
        var period = c.Evidence!.Period!;
        Assert.Equal(Day(lastDay), period.Deadline.LastDay);
        Assert.Equal(ChinaTime.EndOfDay(Day(lastDay)), period.Deadline.EndsAt);
        Assert.Equal(EvidenceActions.SetEvidencePeriod.Name, e.Action);
        Assert.Equal(CaseStatus.EvidenceExchange, c.Status);
        Assert.Equal(10, c.Version);
        Assert.Null(period.NoticeSentAt);
    }

    [Theory]
    // Ordinary: at least 15 days (Interpretation art. 99): 14 days is refused.
    [InlineData(Procedure.Ordinary, "2026-12-15", "evidence-period-ordinary-minimum")]
    [InlineData(Procedure.Ordinary, "2026-12-02", "evidence-period-ordinary-minimum")]
    // Simplified: at most 15 days (art. 266): 16 days is refused.
    [InlineData(Procedure.Simplified, "2026-12-17", "evidence-period-simplified-maximum")]
    // Small claims: at most 7 days (art. 275): 8 days is refused.
    [InlineData(Procedure.SmallClaims, "2026-12-09", "evidence-period-small-claims-maximum")]
    // A period ends after the day it is set.
    [InlineData(Procedure.SmallClaims, "2026-12-01", "period-out-of-range")]
    [InlineData(Procedure.Ordinary, "2026-11-30", "period-out-of-range")]
    public void Period_OutsideItsProceduresBounds_RefusedNamingTheRule(Procedure procedure, string endsOn, string rule)
    {
        var ex = Assert.Throws<DomainRuleException>(() => Periods.Set(InEvidenceStage(procedure), Judge, China("2026-12-01T10:00"),
            Day(endsOn)));
        Assert.Equal(rule, ex.Rule);
        Assert.Equal("endsOn", ex.Field);
    }

    [Fact]
    public void Period_EndingOnAHoliday_EndsOnTheNextWorkingDay_CPLArt85()
    {
        // Set on Sun 2026-09-20 (an adjusted working day); 15 days later is Mon Oct 5, inside the National Day holiday (Oct 1–7):
        // the period ends on Thu Oct 8.
        var ordinary = WithPeriod("2026-09-20T10:00", "2026-10-05").Evidence!.Period!;
        Assert.Equal(Day("2026-10-08"), ordinary.Deadline.LastDay);
        Assert.Equal(Day("2026-10-05"), ordinary.EndsOnAsSet);
        // Simplified: the same 15 days are within its maximum, however far the holiday moves the last day.
        Assert.Equal(Day("2026-10-08"), WithPeriod("2026-09-20T10:00", "2026-10-05",
            Procedure.Simplified).Evidence!.Period!.Deadline.LastDay);
        // Small claims set on Tue 2026-04-28: 7 days later is Tue May 5, the last day of the Labour Day holiday (May 1–5): Wed May 6.
        Assert.Equal(Day("2026-05-06"), WithPeriod("2026-04-28T10:00", "2026-05-05",
            Procedure.SmallClaims).Evidence!.Period!.Deadline.LastDay);
    }

    [Fact]
    public void Period_SetOnce_AndOnlyInTheEvidenceStage()
    {
        var set = WithPeriod("2026-12-01T10:00", "2026-12-16");
        Assert.Equal("evidence-period-already-set",
            Assert.Throws<DomainRuleException>(() => Periods.Set(set, Judge, China("2026-12-02T10:00"), Day("2026-12-20"))).Rule);
        var accepted = InEvidenceStage() with { Status = CaseStatus.Accepted };
        var refused = Assert.Throws<TransitionRefusedException>(() => Periods.Set(accepted, Judge, China("2026-12-01T10:00"),
            Day("2026-12-16")));
        Assert.Contains("Accepted", refused.Message);
        Assert.Contains(EvidenceActions.SetEvidencePeriod.Name, refused.Message);
    }

    [Fact]
    public void Notice_ServedLateInOrdinaryProcedure_ThePartyStillHas15Days_ForEveryParty()
    {
        var c = WithPeriod("2026-12-01T10:00", "2026-12-16");
        c = EvidencePeriods.NoticeSent(c, China("2026-12-01T10:00"), [1, 2])!.Value.Case;
        Assert.Null(EvidencePeriods.NoticeSent(c, China("2026-12-01T10:01"), [1, 2]));
        // Served on the plaintiff on Wed 12-02: 15 days from the day after is Thu 12-17, one day more than the period set.
        c = Periods.NoticeServed(c, 1, China("2026-12-02T09:00"))!.Value.Case;
        Assert.Equal(Day("2026-12-17"), c.Evidence!.Period!.Deadline.LastDay);
        // Served on the defendant on Fri 12-04: 15 days later is Sat 12-19, not a working day: Mon 12-21, for both parties.
        var (served, e) = Periods.NoticeServed(c, 2, China("2026-12-04T15:00"))!.Value;
        Assert.Equal(Day("2026-12-21"), served.Evidence!.Period!.Deadline.LastDay);
        Assert.Contains("2026-12-21", e.Reason);
        Assert.Equal([1, 2], served.Evidence!.Period!.NoticeServed.Select(s => s.PartyNumber));
        Assert.Null(Periods.NoticeServed(served, 2, China("2026-12-05T15:00")));
        // Simplified procedure has a maximum, not a minimum: a late service leaves the period as set.
        var simplified = WithPeriod("2026-12-01T10:00", "2026-12-08", Procedure.Simplified);
        Assert.Equal(Day("2026-12-08"), Periods.NoticeServed(simplified, 2,
            China("2026-12-04T15:00"))!.Value.Case.Evidence!.Period!.Deadline.LastDay);
    }

    [Fact]
    public void End_RecordedOnceAt2400OfTheLastDay_EvidenceFromThenIsLate()
    {
        var c = WithPeriod("2026-12-01T10:00", "2026-12-16");
        Assert.Null(EvidencePeriods.End(c, China("2026-12-16T23:59:59")));
        var (ended, e) = EvidencePeriods.End(c, China("2026-12-17T00:00"))!.Value;
        Assert.Equal(EvidenceActions.EndEvidencePeriod, e.Action);
        Assert.True(ended.Evidence!.Period!.Ended);
        Assert.Null(EvidencePeriods.End(ended, China("2026-12-18T00:00")));
        Assert.False(LateEvidence.IsLate(c.Evidence!.Period, China("2026-12-16T23:59:59")));
        Assert.True(LateEvidence.IsLate(c.Evidence!.Period, China("2026-12-17T00:00")));
        Assert.False(LateEvidence.IsLate(null, China("2027-12-17T00:00")));
    }

    [Fact]
    public void Extension_AppliedForBeforeTheEnd_GrantedForEveryParty_EvenAfterTheEnd_RunsAgain()
    {
        var c = WithPeriod("2026-12-01T10:00", "2026-12-16");
        var (applied, _, application) = EvidencePeriodExtensions.Apply(c, "ext1", Defendant, CaseSide.Other, [2],
            China("2026-12-16T20:00"), 5,
            ["证人出差，需要时间取得书面证言"]);
        Assert.Equal("evidence-period-extension-too-late", Assert.Throws<DomainRuleException>(() => EvidencePeriodExtensions.Apply(c,
            "ext2",
            Defendant, CaseSide.Other, [2], China("2026-12-17T00:00"), 5, ["太晚"])).Rule);
        Assert.Equal("reasons-required", Assert.Throws<DomainRuleException>(() => EvidencePeriodExtensions.Apply(c, "ext3", Defendant,
            CaseSide.Other, [2], China("2026-12-10T00:00"), 5, [])).Rule);
        Assert.Equal("evidence-period-not-set", Assert.Throws<DomainRuleException>(() => EvidencePeriodExtensions.Apply(InEvidenceStage(),
            "ext4", Defendant, CaseSide.Other, [2], China("2026-12-10T00:00"), 5, ["理由"])).Rule);

        // The end passes before the judge decides; the grant runs 5 days from the last day (Wed 12-16): Mon 12-21, and the period runs
        // again.
        var ended = EvidencePeriods.End(applied, China("2026-12-17T00:00"))!.Value.Case;
        var (granted, e, decision) = EvidencePeriodExtensions.Decide(Periods, ended, application, Judge, China("2026-12-17T09:00"),
            ExtensionRuling.Grant, null, []);
        Assert.Equal(Day("2026-12-21"), granted.Evidence!.Period!.Deadline.LastDay);
        Assert.False(granted.Evidence!.Period!.Ended);
        Assert.Equal(5, granted.Evidence!.Period!.ExtendedDays);
        Assert.Equal(Day("2026-12-21"), decision.LastDay);
        Assert.Contains("every party", e.Reason);
        // Evidence of the plaintiff on 12-18 is no longer late: the extension applies to every party.
        Assert.False(LateEvidence.IsLate(granted.Evidence!.Period, China("2026-12-18T10:00")));
        // A refusal gives reasons and leaves the period as it was.
        Assert.Equal("reasons-required", Assert.Throws<DomainRuleException>(() => EvidencePeriodExtensions.Decide(Periods, ended,
            application,
            Judge, China("2026-12-17T09:00"), ExtensionRuling.Refuse, null, [])).Rule);
        var (refused, _, no) = EvidencePeriodExtensions.Decide(Periods, ended, application, Judge, China("2026-12-17T09:00"),
            ExtensionRuling.Refuse, null, ["理由不成立"]);
        Assert.Equal(Day("2026-12-16"), refused.Evidence!.Period!.Deadline.LastDay);
        Assert.Null(no.LastDay);
    }

    // ---- The chain ----

    private static EvidenceDocument Doc(string id, string sha256) => new(id, "借条.pdf", "application/pdf", 48, new EvidenceDigests(sha256));

    private const string PdfSha256 = "a8ea9f63d81e0927b1935af65c5c4ae12be654d6d1d57907772491a65a562aa5";

    [Fact]
    public void Record_CanonicalBytes_AreTheDocumentedFormat_AndItsSha256()
    {
        var item = EvidenceChain.Append(EvidenceChainHead.Empty, "cs000000000000000000000001", China("2026-12-02T10:30"), CaseSide.Filing,
            [1], "party", "借条", "证明被告向原告借款100000元", "原告持有", [Doc("doc000000000000000000000001", PdfSha256)], "user-liu");
        // The documented form, written with ' for " here.
        var expected = ("{'format':'ecourt-evidence-record/1','caseId':'cs000000000000000000000001','sequence':1,"
            + "'evidenceId':'ev000001','submittedAt':'2026-12-02T10:30:00.0000000+08:00','side':'filing','parties':[1],'role':'party',"
            + "'title':'借条','purpose':'证明被告向原告借款100000元','source':'原告持有','documents':[{'documentId':"
            + "'doc000000000000000000000001','fileName':'借条.pdf','contentType':'application/pdf','size':48,'digests':{'sha256':"
            + "'" + PdfSha256 + "'}}],'previous':null}").Replace('\'', '"');
        Assert.Equal(expected, Encoding.UTF8.GetString(item.Record.CanonicalBytes()));
        // Worked out with `printf '%s' "$expected" | sha256sum`, not by this code.
        Assert.Equal("9b725922cce883abbceeaa30ad89fe466ab96f4613b7bf9d7773879a9b709a29", item.Digests.Sha256);
        Assert.Equal("ev000001", item.EvidenceId);
        // The next record names it; a quotation mark and a line break in a title are escaped as JSON requires.
        var next = EvidenceChain.Append(EvidenceChain.After(item), item.Record.CaseId, China("2026-12-03T10:30"), CaseSide.Other, [2],
            "lawyer",
            "收条\"原件\"\n", "p", "s", [Doc("doc000000000000000000000002", PdfSha256)], "user-wang");
        var text = Encoding.UTF8.GetString(next.Record.CanonicalBytes());
        Assert.EndsWith("\"previous\":{\"sha256\":\"9b725922cce883abbceeaa30ad89fe466ab96f4613b7bf9d7773879a9b709a29\"}}", text);
        Assert.Contains("\"title\":\"收条\\\"原件\\\"\\n\"", text);
        Assert.Contains("\"side\":\"other\",\"parties\":[2],\"role\":\"lawyer\"", text);
    }

    private static (List<EvidenceItem> Items, EvidenceChainHead Head) Chain(int n)
    {
        var items = new List<EvidenceItem>();
        var head = EvidenceChainHead.Empty;
        for (var i = 1; i <= n; i++)
        {
            var item = EvidenceChain.Append(head, "cs000000000000000000000001", China("2026-12-02T10:00").AddMinutes(i),
                i % 2 == 0 ? CaseSide.Other : CaseSide.Filing, [i % 2 == 0 ? 2 : 1], "party", $"证据{i}", "证明目的", "来源",
                [Doc($"doc{i:D24}", PdfSha256)], "user");
            items.Add(item);
            head = EvidenceChain.After(item);
        }
        return (items, head);
    }

    private static string? Stored(string _) => PdfSha256;

    [Fact]
    public void Verify_AnUnbrokenChain_IsValid_AnEmptyOneToo()
    {
        var (items, head) = Chain(3);
        Assert.Equal(new ChainVerification(true, 3, null), EvidenceChain.Verify(items, head, Stored));
        Assert.Equal(new ChainVerification(true, 0, null), EvidenceChain.Verify([], EvidenceChainHead.Empty, Stored));
        Assert.Equal(items[1].Digests, items[2].Record.Previous);
    }

    [Fact]
    public void Verify_ARecordChanged_OrChangedWithItsDigest_OrADocument_ReportsTheFirstBreak()
    {
        var (items, head) = Chain(3);
        // A title changed in the stored record: its bytes no longer hash to its digest.
        var altered = items.ToList();
        altered[1] = altered[1] with { Record = altered[1].Record with { Title = "伪造" } };
        var v = EvidenceChain.Verify(altered, head, Stored);
        Assert.Equal((false, 1, 2, ChainBreakKind.RecordAltered), (v.Valid, v.Items, v.FirstBreak!.Sequence, v.FirstBreak.Kind));
        Assert.Equal("ev000002", v.FirstBreak.EvidenceId);
        // Changed with a digest recomputed to match: the next record's link gives it away.
        var rehashed = altered[1] with { Digests = new EvidenceDigests(EvidenceChain.Sha256Of(altered[1].Record.CanonicalBytes())) };
        altered[1] = rehashed;
        v = EvidenceChain.Verify(altered, head, Stored);
        Assert.Equal((3, ChainBreakKind.LinkBroken), (v.FirstBreak!.Sequence, v.FirstBreak.Kind));
        // The last record changed with its digest: the case's record of the chain's end gives it away.
        var last = items.ToList();
        var forged = last[2].Record with { Title = "伪造" };
        last[2] = last[2] with { Record = forged, Digests = new EvidenceDigests(EvidenceChain.Sha256Of(forged.CanonicalBytes())) };
        Assert.Equal(ChainBreakKind.HeadMismatch, EvidenceChain.Verify(last, head, Stored).FirstBreak!.Kind);
        // A document's stored bytes changed, or gone.
        v = EvidenceChain.Verify(items, head, id => id == $"doc{2:D24}" ? new string('0', 64) : PdfSha256);
        Assert.Equal((2, ChainBreakKind.DocumentAltered, $"doc{2:D24}"), (v.FirstBreak!.Sequence, v.FirstBreak.Kind,
            v.FirstBreak.DocumentId));
        Assert.Equal(ChainBreakKind.DocumentMissing, EvidenceChain.Verify(items, head, id => id == $"doc{3:D24}" ? null : PdfSha256)
            .FirstBreak!.Kind);
        // An item removed from the middle, or from the end.
        Assert.Equal((2, ChainBreakKind.ItemMissing), Break(EvidenceChain.Verify([items[0], items[2]], head, Stored)));
        Assert.Equal((3, ChainBreakKind.ItemMissing), Break(EvidenceChain.Verify([items[0], items[1]], head, Stored)));
    }

    private static (int, ChainBreakKind) Break(ChainVerification v) => (v.FirstBreak!.Sequence, v.FirstBreak.Kind);

    [Fact]
    public void Submit_ChainsTheItem_MarksItLateAfterThePeriod_AndTakesEvidenceDocumentsOnly()
    {
        var c = WithPeriod("2026-12-01T10:00", "2026-12-16");
        CaseDocument Upload(string id, DocumentKind kind) => new(id, kind, "借条.pdf", "application/pdf", 48, PdfSha256, "user-liu",
            China("2026-12-02T09:00"));
        var (first, e1, item1) = EvidenceSubmission.Submit(c, Plaintiff, CaseSide.Filing, [1], China("2026-12-02T10:00"), "借条", "借款事实",
            "原告持有",
            [Upload("doc1", DocumentKind.Evidence)]);
        Assert.Equal((1, "ev000001"), (item1.Sequence, item1.EvidenceId));
        Assert.Equal(new EvidenceChainHead(1, item1.Digests), first.Evidence!.Chain);
        Assert.DoesNotContain("借条", e1.Reason);
        Assert.DoesNotContain("late", e1.Reason);
        var (second, e2, item2) = EvidenceSubmission.Submit(first, Defendant, CaseSide.Other, [2], China("2026-12-17T00:00"), "收条", "已还款",
            "被告持有", [Upload("doc2", DocumentKind.Evidence)]);
        Assert.Equal(item1.Digests, item2.Record.Previous);
        Assert.True(LateEvidence.IsLate(second, item2));
        Assert.False(LateEvidence.IsLate(second, item1));
        Assert.Contains("late", e2.Reason);
        Assert.Equal("evidence-document-kind-required", Assert.Throws<DomainRuleException>(() => EvidenceSubmission.Submit(c, Plaintiff,
            CaseSide.Filing, [1], China("2026-12-02T10:00"), "t", "p", "s", [Upload("doc3", DocumentKind.Complaint)])).Rule);
        Assert.Equal("evidence-documents-required", Assert.Throws<DomainRuleException>(() => EvidenceSubmission.Submit(c, Plaintiff,
            CaseSide.Filing, [1], China("2026-12-02T10:00"), "t", "p", "s", [])).Rule);
    }

    // ---- Exchange, cross-examination, late evidence ----

    private static EvidenceItem ItemOf(CaseSide side, string at = "2026-12-02T10:00") => EvidenceChain.Append(EvidenceChainHead.Empty,
        "cs000000000000000000000001", China(at), side, [side == CaseSide.Filing ? 1 : 2], "party", "t", "p", "s", [Doc("d", PdfSha256)],
            "u");

    [Fact]
    public void Exchange_SynchronousIsOneSitting_TheWindowIsAheadAndNotEmpty_AnEarlierOpeningOpensAtTheOrder()
    {
        var c = WithPeriod("2026-12-01T10:00", "2026-12-16");
        var now = China("2026-12-10T09:00");
        string Refused(ExchangeMode mode, string opens,
            string closes) => Assert.Throws<DomainRuleException>(() => EvidenceExchanges.Order(c,
            Judge, now, mode, China(opens), China(closes), EvidenceDisclosure.AtExchange)).Rule;
        Assert.Equal("evidence-exchange-synchronous-sitting", Refused(ExchangeMode.Synchronous, "2026-12-18T09:00", "2026-12-19T09:01"));
        Assert.Equal("evidence-exchange-window-empty", Refused(ExchangeMode.Asynchronous, "2026-12-18T09:00", "2026-12-18T09:00"));
        Assert.Equal("evidence-exchange-window-passed", Refused(ExchangeMode.Asynchronous, "2026-12-01T09:00", "2026-12-10T09:00"));
        var (ordered, e) = EvidenceExchanges.Order(c, Judge, now, ExchangeMode.Asynchronous, China("2026-12-09T09:00"),
            China("2026-12-24T17:00"), EvidenceDisclosure.AtExchange);
        var order = Assert.Single(ordered.Evidence!.Exchanges);
        Assert.Equal(now, order.OpensAt);
        Assert.Equal(EvidenceActions.OrderEvidenceExchange.Name, e.Action);
        var sitting = EvidenceExchanges.Order(c, Judge, now, ExchangeMode.Synchronous, China("2026-12-18T09:00"), China("2026-12-18T11:30"),
            EvidenceDisclosure.AtExchange).Case;
        Assert.Equal(China("2026-12-18T09:00"), sitting.Evidence!.Exchanges[0].OpensAt);
    }

    [Fact]
    public void Disclosure_TheOtherSideSeesFromTheExchange_OrAtOnce_NeverExcludedEvidence_TheCourtAndOwnSideAlways()
    {
        var c = WithPeriod("2026-12-01T10:00", "2026-12-16");
        var plaintiffs = ItemOf(CaseSide.Filing);
        var order = China("2026-12-10T09:00");
        var exchanged = EvidenceExchanges.Order(c, Judge, order, ExchangeMode.Synchronous, China("2026-12-18T09:00"),
            China("2026-12-18T11:30"), EvidenceDisclosure.AtExchange).Case.Evidence;
        Assert.False(EvidenceExchanges.CanSee(CaseSide.Other, plaintiffs, c.Evidence, null, China("2027-01-01T00:00")));
        Assert.False(EvidenceExchanges.CanSee(CaseSide.Other, plaintiffs, exchanged, null, China("2026-12-18T08:59")));
        Assert.True(EvidenceExchanges.CanSee(CaseSide.Other, plaintiffs, exchanged, null, China("2026-12-18T09:00")));
        Assert.True(EvidenceExchanges.CanSee(CaseSide.Filing, plaintiffs, c.Evidence, null, China("2026-12-02T10:00")));
        Assert.True(EvidenceExchanges.CanSee(CaseSide.Court, plaintiffs, c.Evidence, null, China("2026-12-02T10:00")));
        Assert.False(EvidenceExchanges.CanSee(null, plaintiffs, exchanged, null, China("2026-12-19T09:00")));
        var atOnce = EvidenceExchanges.Order(c, Judge, order, ExchangeMode.Synchronous, China("2026-12-18T09:00"),
            China("2026-12-18T11:30"),
            EvidenceDisclosure.AtOnce).Case.Evidence;
        Assert.True(EvidenceExchanges.CanSee(CaseSide.Other, plaintiffs, atOnce, null, order));
        var excluded = new AdmissionRuling(plaintiffs.EvidenceId, LateEvidenceDecision.Exclude, ["故意逾期"], "judge-zhao", order);
        Assert.False(EvidenceExchanges.CanSee(CaseSide.Other, plaintiffs, exchanged, excluded, China("2026-12-18T10:00")));
        Assert.True(EvidenceExchanges.CanSee(CaseSide.Filing, plaintiffs, exchanged, excluded, China("2026-12-18T10:00")));
    }

    [Fact]
    public void CrossExamination_OnTheOtherSidesEvidence_WithinTheWindow_ADisputeWithReasons()
    {
        var c = EvidenceExchanges.Order(WithPeriod("2026-12-01T10:00", "2026-12-16"), Judge, China("2026-12-10T09:00"),
            ExchangeMode.Asynchronous, China("2026-12-17T09:00"), China("2026-12-24T17:00"), EvidenceDisclosure.AtExchange).Case;
        var plaintiffs = ItemOf(CaseSide.Filing);
        string Refused(CaseSide side, string at, OpinionStance authenticity, params string[] reasons) =>
            Assert.Throws<DomainRuleException>(() => CrossExamination.File(c, plaintiffs, side, 2, Defendant, China(at), authenticity,
                OpinionStance.Admit, OpinionStance.Admit, reasons, new IdentityVerification("face", China(at).AddMinutes(-5), true))).Rule;
        Assert.Equal("cross-examination-own-evidence", Refused(CaseSide.Filing, "2026-12-18T10:00", OpinionStance.Admit));
        Assert.Equal("cross-examination-outside-window", Refused(CaseSide.Other, "2026-12-17T08:59", OpinionStance.Admit));
        Assert.Equal("cross-examination-outside-window", Refused(CaseSide.Other, "2026-12-24T17:00", OpinionStance.Admit));
        Assert.Equal("reasons-required", Refused(CaseSide.Other, "2026-12-18T10:00", OpinionStance.Dispute));
        var (filed, e, opinion) = CrossExamination.File(c, plaintiffs, CaseSide.Other, 2, Defendant, China("2026-12-18T10:00"),
            OpinionStance.Dispute, OpinionStance.Admit, OpinionStance.Admit, ["借条系复印件，无原件核对"], Face("2026-12-18T09:50"));
        Assert.True(opinion.Disputes);
        Assert.Equal(EvidenceActions.FileCrossExaminationOpinion.Name, e.Action);
        Assert.Equal(c.Version + 1, filed.Version);
        // All admitted: no reasons needed.
        Assert.False(CrossExamination.File(c, plaintiffs, CaseSide.Other, 2, Defendant, China("2026-12-18T10:00"), OpinionStance.Admit,
            OpinionStance.Admit, OpinionStance.Admit, [], Face("2026-12-18T09:50")).Opinion.Disputes);
    }

    private static IdentityVerification Face(string at, bool passed = true) => new("face", China(at), passed);

    [Theory]
    // Filed at 10:00: a verification that passed at 09:30 is 30 minutes old and counts; at 09:29:59 it does not (Online Litigation
    // Rules art. 7: verified again for this exchange); a failed one, one after the act, or none, never.
    [InlineData("2026-12-18T09:30:00", true, true)]
    [InlineData("2026-12-18T09:29:59", true, false)]
    [InlineData("2026-12-18T09:55:00", false, false)]
    [InlineData("2026-12-18T10:00:01", true, false)]
    [InlineData(null, true, false)]
    public void CrossExamination_IsAnOnlineExchange_ForWhichIdentityIsVerifiedAgain(string? verifiedAt, bool passed, bool accepted)
    {
        var c = EvidenceExchanges.Order(WithPeriod("2026-12-01T10:00", "2026-12-16"), Judge, China("2026-12-10T09:00"),
            ExchangeMode.Asynchronous, China("2026-12-17T09:00"), China("2026-12-24T17:00"), EvidenceDisclosure.AtExchange).Case;
        var verification = verifiedAt is null ? null : Face(verifiedAt, passed);
        (CourtCase, CaseEvent, CrossExaminationOpinion) File() => CrossExamination.File(c, ItemOf(CaseSide.Filing), CaseSide.Other, 2,
            Defendant, China("2026-12-18T10:00"), OpinionStance.Admit, OpinionStance.Admit, OpinionStance.Admit, [], verification);
        if (accepted)
            Assert.Contains("method face, at 2026-12-18 09:30:00, passed (Online Litigation Rules art. 7)", File().Item2.Reason);
        else
            Assert.Equal("online-exchange-identity-not-verified", Assert.Throws<DomainRuleException>(() => File()).Rule);
    }

    [Fact]
    public void LateEvidence_RuledOnlyWhenLate_WithReasons()
    {
        var c = WithPeriod("2026-12-01T10:00", "2026-12-16");
        var timely = ItemOf(CaseSide.Filing, "2026-12-16T23:00");
        var late = ItemOf(CaseSide.Filing, "2026-12-17T08:00");
        Assert.Equal("evidence-not-late", Assert.Throws<DomainRuleException>(() => LateEvidence.Rule(c, timely, Judge,
            China("2026-12-18T09:00"),
            LateEvidenceDecision.Exclude, ["故意逾期"])).Rule);
        Assert.Equal("reasons-required", Assert.Throws<DomainRuleException>(() => LateEvidence.Rule(c, late, Judge,
            China("2026-12-18T09:00"),
            LateEvidenceDecision.Admit, [])).Rule);
        var (_, e, ruling) = LateEvidence.Rule(c, late, Judge, China("2026-12-18T09:00"), LateEvidenceDecision.Exclude,
            ["因重大过失逾期，且与基本事实无关"]);
        Assert.Equal(LateEvidenceDecision.Exclude, ruling.Decision);
        Assert.Contains("stays in the record", e.Reason);
    }

    // ---- The stage's deadlines and the notice ----

    [Fact]
    public void Stage_KeepsTheNoticeAtOnce_AndThePeriodAtItsEnd_UntilEachIsDone()
    {
        var stage = new EvidenceStage();
        Assert.Empty(stage.Pending(InEvidenceStage(), China("2026-12-01T10:00"), Calc));
        var c = WithPeriod("2026-12-01T10:00", "2026-12-16");
        var pending = stage.Pending(c, China("2026-12-01T10:00"), Calc).ToList();
        Assert.Equal([EvidenceStage.NoticeService, EvidenceStage.PeriodDeadline], pending.Select(d => d.Kind));
        Assert.Equal(China("2026-12-01T10:00"), pending[0].KeepAt);
        Assert.Equal(ChinaTime.EndOfDay(Day("2026-12-16")), pending[1].KeepAt);
        Assert.Contains("arts. 99, 266, 275", pending[1].Basis);
        c = EvidencePeriods.NoticeSent(c, China("2026-12-01T10:00"), [1, 2])!.Value.Case;
        Assert.Equal([EvidenceStage.PeriodDeadline], stage.Pending(c, China("2026-12-02T10:00"), Calc).Select(d => d.Kind));
        c = EvidencePeriods.End(c, China("2026-12-17T00:00"))!.Value.Case;
        Assert.Empty(stage.Pending(c, China("2026-12-17T00:00"), Calc));
    }

    [Fact]
    public void Notice_NamesEveryParty_ThePeriodsLastDay_AndTheConsequencesOfLateEvidence()
    {
        var text = Encoding.UTF8.GetString(EvidenceNoticeDocument.Render(WithPeriod("2026-09-20T10:00", "2026-10-05"), "黑龙江省哈尔滨市中级人民法院"));
        Assert.Contains("举证通知书", text);
        Assert.Contains("刘志强、王建国：", text);
        Assert.Contains("（2026）黑01民初1号", text);
        Assert.Contains("本案适用普通程序，举证期限至2026年10月8日二十四时届满", text);
        Assert.Contains("书面申请延长", text);
        Assert.Contains("不予采纳", text);
        Assert.Contains("签发：2026年9月20日", text);
        Assert.Equal(EvidenceNoticeDocument.IdFor("cs000000000000000000000001"),
            EvidenceNoticeDocument.IdFor("cs000000000000000000000001"));
    }
}
