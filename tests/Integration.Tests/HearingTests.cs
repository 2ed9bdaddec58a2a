using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Adapters.Identity;
using ECourt.Application.Hearings;
using ECourt.Domain.Assignment;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Hearings;
using ECourt.Domain.Parties;
using ECourt.Domain.ServiceOfProcess;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// The hearings stage through HTTP against Azurite: scheduling and the summons served on every party, the 3 days of CPL art. 139 in
/// ordinary procedure (and their absence in simplified procedure), the judge flagged when a summons is not served 3 days before the
/// hearing, evidence that still comes while a hearing is scheduled, postponement and cancellation served like the summons, and the
/// record of a hearing held. Refusals change nothing.
/// </summary>
public class HearingTests
{
    private static readonly string Liu = CourtTestHost.Principal("user-liu", "party");
    private static readonly string Stranger = CourtTestHost.Principal("stranger", "party");
    private static readonly string Judge = CourtSteps.Judge;
    private static readonly string Clerk = CourtSteps.Clerk;

    /// <summary>Thu 2098-11-27 10:00: a summons issued today allows a hearing in ordinary procedure from Mon 12-01 00:00.</summary>
    private static readonly DateTimeOffset Now = CourtTestHost.Future;

    private static DateTimeOffset China(string local) => CourtTestHost.China(local);

    /// <summary>
    /// A case in the answer and evidence stage, assigned to judge-zhao and clerk-wang; the plaintiff consents to service into its inbox,
    /// the defendant (a fictitious company) too unless <paramref name="defendantOnline"/> is false: then its documents go by post and
    /// stay unserved until the post reports.
    /// </summary>
    private static async Task<string> InEvidenceStageAsync(CourtTestHost host, Procedure procedure = Procedure.Ordinary,
        bool defendantOnline = true)
    {
        var at = host.Clock.GetUtcNow();
        var consent = (string user) => new ElectronicServiceConsent(ConsentSource.Express, at.AddDays(-20), user);
        Party[] parties =
        [
            new(1, PartyRole.Plaintiff, PartyKind.Person, "刘志强", IdentityDocumentType.ResidentId, Filings.PlaintiffId, null, "13800000000",
                null, "哈尔滨市道里区示例街2号", "user-liu", false, consent("user-liu"), [], []),
            new(2, PartyRole.Defendant, PartyKind.Organisation, "示例科技有限公司", null, null, Filings.DefendantCreditCode, null, null,
                "哈尔滨市南岗区示例路1号", defendantOnline ? "user-shili" : null, false, defendantOnline ? consent("user-shili") : null, [], []),
        ];
        var calc = host.Services.GetRequiredService<DeadlineCalculator>();
        var caseId = CaseId.FromRandom(RandomNumberGenerator.GetBytes(12));
        var c = new CourtCase(caseId, "黑01", FeeCaseType.Property, procedure, "民间借贷纠纷", 100_000m, "判令被告偿还借款100000元", "被告借款到期未还。",
            parties, "user-liu", "", at.AddDays(-20), CaseStatus.EvidenceExchange, 1, "（2098）黑01民初7号", at.AddDays(-19));
        c = c.With(new ServiceOfProcessSummary(at.AddDays(-19), calc.Compute(ChinaTime.DateOf(at.AddDays(-19)), 5, PeriodUnit.Days), null,
            [new PartyServed(2, at.AddDays(-2))], calc.Compute(ChinaTime.DateOf(at.AddDays(-2)), 15, PeriodUnit.Days)));
        c = c.With(new CaseAssignment("judge-zhao", "clerk-wang", Division.Civil, at.AddDays(-19), "system"));
        Assert.NotNull(await host.Services.GetRequiredService<CaseChanges>().CreateAsync(c,
            [new CaseEvent(1, "SeedEvidenceStage", "system", "system", at, null, CaseStatus.EvidenceExchange,
                "In the answer and evidence stage")]));
        return caseId;
    }

    private static object Plan(string startsAt, string? courtroom = "第三法庭", bool online = false, bool isPublic = true,
        bool streamed = false)
    {
        var plan = new Dictionary<string, object?>
        {
            ["startsAt"] = startsAt,
            ["online"] = online,
            ["public"] = isPublic,
            ["streamed"] = streamed,
        };
        if (courtroom is not null) plan["courtroom"] = courtroom;
        return plan;
    }

    private static Task<TestResponse> ScheduleAsync(CourtTestHost host, string caseId, object body, string? principal = null) =>
        host.PostJsonAsync($"/api/cases/{caseId}/hearings", principal ?? Judge, body);

    /// <summary>Schedules a hearing; returns once its summons is served on both parties (nothing of the case moves after).</summary>
    private static async Task<string> ScheduledAsync(CourtTestHost host, string caseId, string startsAt, string? principal = null)
    {
        var r = await ScheduleAsync(host, caseId, Plan(startsAt), principal);
        Assert.True(r.Status == 201, r.ToString());
        var hearingId = r.Json.GetProperty("hearingId").GetString()!;
        await NoticeServedAsync(host, caseId, hearingId, ServedDocumentKind.Summons);
        return hearingId;
    }

    /// <summary>Waits until the hearing's notice of that kind is served on both parties.</summary>
    private static Task<CaseFile> NoticeServedAsync(CourtTestHost host, string caseId, string hearingId, ServedDocumentKind kind) =>
        host.WaitForCaseAsync(caseId, f => f.Case.Hearings?.Find(hearingId)?.Notices.FirstOrDefault(n => n.Kind == kind) is
        { Served.Count: 2 }, $"the {kind} of {hearingId} served on both parties");

    private static string? ProblemType(TestResponse r) => r.Json.TryGetProperty("type", out var t) ? t.GetString() : null;

    private static async Task<string> StateAsync(CourtTestHost host, string caseId)
    {
        var file = (await host.Store.GetFileAsync(caseId))!;
        return string.Join("|", file.Case.Version, file.Events.Count, file.Case.Status, file.Rows(HearingRows.Records).Count,
            file.Rows(DocumentRows.Documents).Count, JsonSerializer.Serialize(file.Case.Hearings));
    }

    private static async Task RefusedAsync(CourtTestHost host, string caseId, int status, string? type, Func<Task<TestResponse>> call)
    {
        var before = await StateAsync(host, caseId);
        var r = await call();
        Assert.True(r.Status == status, r.ToString());
        if (type is not null) Assert.Equal("urn:ecourt:problem:" + type, ProblemType(r));
        Assert.Equal(before, await StateAsync(host, caseId));
    }

    [Fact]
    public async Task Schedule_Ordinary_SummonsServedOnEveryParty_CaseViewListsTheHearing()
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var caseId = await InEvidenceStageAsync(host);
        var r = await ScheduleAsync(host, caseId, Plan("2098-12-01T09:30:00+08:00"), Clerk);
        Assert.True(r.Status == 201, r.ToString());
        var hearingId = r.Json.GetProperty("hearingId").GetString()!;
        Assert.Equal("scheduled", r.Json.GetProperty("status").GetString());
        Assert.Equal(China("2098-12-01T09:30"), r.Json.GetProperty("startsAt").GetDateTimeOffset());
        var file = await NoticeServedAsync(host, caseId, hearingId, ServedDocumentKind.Summons);
        Assert.Equal(CaseStatus.HearingScheduled, file.Case.Status);
        Assert.Equal(2, file.Events.Count(e => e.Action == HearingActions.HearingNoticeServed));
        var summons = file.Rows(DocumentRows.Documents).Single(d => d.Kind == DocumentKind.Summons);
        Assert.Equal("system", summons.UploadedBy);

        var view = await host.GetAsync($"/api/cases/{caseId}", Liu);
        Assert.True(view.Status == 200, view.ToString());
        var hearing = view.Json.GetProperty("hearings").EnumerateArray().Single();
        Assert.Equal((hearingId, "第三法庭", "scheduled"), (hearing.GetProperty("hearingId").GetString(),
            hearing.GetProperty("courtroom").GetString(), hearing.GetProperty("status").GetString()));
        Assert.Equal([1, 2], hearing.GetProperty("summonsServedOn").EnumerateArray().Select(e => e.GetInt32()));
        // The summons is in the party's documents: served on it.
        Assert.Contains(view.Json.GetProperty("documents").EnumerateArray(), d => d.GetProperty("kind").GetString() == "summons");
    }

    [Fact]
    public async Task Schedule_InsideTheThreeDays_InThePast_WithoutCourtroom_OrByAParty_RefusedAndNothingChanges()
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var caseId = await InEvidenceStageAsync(host);
        await RefusedAsync(host, caseId, 422, "hearing-notice-too-short",
            () => ScheduleAsync(host, caseId, Plan("2098-11-30T23:59:00+08:00")));
        await RefusedAsync(host, caseId, 422, "hearing-in-past", () => ScheduleAsync(host, caseId, Plan("2098-11-27T09:00:00+08:00")));
        await RefusedAsync(host, caseId, 422, "hearing-courtroom-required",
            () => ScheduleAsync(host, caseId, Plan("2098-12-02T09:00:00+08:00", courtroom: null)));
        await RefusedAsync(host, caseId, 422, "closed-hearing-not-streamed",
            () => ScheduleAsync(host, caseId, Plan("2098-12-02T09:00:00+08:00", isPublic: false, streamed: true)));
        await RefusedAsync(host, caseId, 400, null, () => ScheduleAsync(host, caseId, new
        {
            startsAt = "2098-12-02 09:00",
            online = true,
            @public = true,
            streamed = false
        }));
        await RefusedAsync(host, caseId, 403, null, () => ScheduleAsync(host, caseId, Plan("2098-12-02T09:00:00+08:00"), Liu));
        await RefusedAsync(host, caseId, 404, null, () => ScheduleAsync(host, caseId, Plan("2098-12-02T09:00:00+08:00"), Stranger));
    }

    [Fact]
    public async Task Schedule_Simplified_NextMorning_Allowed_ByTheSummonsSimpleMeans()
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var caseId = await InEvidenceStageAsync(host, Procedure.Simplified);
        var r = await ScheduleAsync(host, caseId, Plan("2098-11-28T09:00:00+08:00", courtroom: null, online: true));
        Assert.True(r.Status == 201, r.ToString());
        Assert.True(r.Json.GetProperty("online").GetBoolean());
        await NoticeServedAsync(host, caseId, r.Json.GetProperty("hearingId").GetString()!, ServedDocumentKind.Summons);
    }

    [Fact]
    public async Task SummonsNotServedThreeDaysBefore_TheLifecycleFlagsTheJudge_InTheCaseView()
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var caseId = await InEvidenceStageAsync(host, defendantOnline: false);
        // Hearing Mon 12-01: the summons must be served by the end of Thu 11-27; the defendant's goes by post.
        var r = await ScheduleAsync(host, caseId, Plan("2098-12-01T09:30:00+08:00"));
        Assert.True(r.Status == 201, r.ToString());
        var hearingId = r.Json.GetProperty("hearingId").GetString()!;
        await host.WaitForCaseAsync(caseId, f => f.Case.Hearings!.Find(hearingId)!.Summons!.Served.Any(s => s.PartyNumber == 1),
            "the summons served on the plaintiff");
        var pending = (await host.GetAsync($"/api/cases/{caseId}", Judge)).Json.GetProperty("deadlines").EnumerateArray()
            .Single(d => d.GetProperty("kind").GetString() == HearingsStage.SummonsService);
        Assert.Equal("2098-11-27", pending.GetProperty("lastDay").GetString());
        await host.MoveClockAsync(China("2098-11-28T00:00"));
        var file = await host.WaitForCaseAsync(caseId, f => f.Events.Any(e => e.Action == HearingActions.FlagSummonsServiceLate),
            "the judge flagged");
        Assert.Contains("party 2", file.Events.Single(e => e.Action == HearingActions.FlagSummonsServiceLate).Reason);
        var view = await host.GetAsync($"/api/cases/{caseId}", Judge);
        var hearing = view.Json.GetProperty("hearings").EnumerateArray().Single();
        Assert.Equal(China("2098-11-28T00:00"), hearing.GetProperty("serviceLateFlaggedAt").GetDateTimeOffset());
        Assert.DoesNotContain(view.Json.GetProperty("deadlines").EnumerateArray(),
            d => d.GetProperty("kind").GetString() == HearingsStage.SummonsService);
    }

    [Fact]
    public async Task EvidenceSubmitted_WhileAHearingIsScheduled_LeavesTheCaseThere()
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var caseId = await InEvidenceStageAsync(host);
        await ScheduledAsync(host, caseId, "2098-12-03T09:30:00+08:00");
        var up = await host.UploadAsync(caseId, Liu, Encoding.UTF8.GetBytes("%PDF-1.4\n% 补充证据\n%%EOF\n"), kind: "evidence",
            fileName: "补充证据.pdf");
        Assert.True(up.Status == 201, up.ToString());
        var r = await host.PostJsonAsync($"/api/cases/{caseId}/evidence", Liu, new
        {
            title = "转账记录",
            purpose = "证明借款已交付",
            source = "银行出具",
            documentIds = new[] { up.Json.GetProperty("documentId").GetString() },
        });
        Assert.True(r.Status == 201, r.ToString());
        Assert.Equal(CaseStatus.HearingScheduled, (await host.Store.GetAsync(caseId))!.Case.Status);
    }

    [Fact]
    public async Task Postpone_ThenCancel_EachServedOnEveryParty_ThenScheduleAgain()
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var caseId = await InEvidenceStageAsync(host);
        var first = await ScheduledAsync(host, caseId, "2098-12-01T09:30:00+08:00");
        var postpone = $"/api/cases/{caseId}/hearings/{first}/postpone";
        await RefusedAsync(host, caseId, 422, "hearing-notice-too-short", () => host.PostJsonAsync(postpone, Judge,
            new { startsAt = "2098-11-29T09:30:00+08:00", reasons = new[] { "x" } }));
        await RefusedAsync(host, caseId, 403, null, () => host.PostJsonAsync(postpone, Clerk,
            new { startsAt = "2098-12-05T09:30:00+08:00", reasons = new[] { "x" } }));
        await RefusedAsync(host, caseId, 404, null, () => host.PostJsonAsync(
            $"/api/cases/{caseId}/hearings/hrg000000000000000000000000/cancel", Judge, new { reasons = new[] { "x" } }));
        var r = await host.PostJsonAsync($"/api/cases/{caseId}/hearings/{first}/postpone", Judge,
            new { startsAt = "2098-12-05T09:30:00+08:00", reasons = new[] { "被告申请延期" } });
        Assert.True(r.Status == 201, r.ToString());
        var second = r.Json.GetProperty("hearingId").GetString()!;
        Assert.Equal(first, r.Json.GetProperty("adjournedFrom").GetString());
        await NoticeServedAsync(host, caseId, second, ServedDocumentKind.Summons);

        var cancel = await host.PostJsonAsync($"/api/cases/{caseId}/hearings/{second}/cancel", Judge, new { reasons = new[] { "庭外和解" } });
        Assert.True(cancel.Status == 200, cancel.ToString());
        Assert.Equal("cancelled", cancel.Json.GetProperty("status").GetString());
        var file = await NoticeServedAsync(host, caseId, second, ServedDocumentKind.HearingCancellation);
        Assert.Single(file.Rows(DocumentRows.Documents), d => d.Kind == DocumentKind.HearingCancellation);
        var statuses = (await host.GetAsync($"/api/cases/{caseId}", Liu)).Json.GetProperty("hearings").EnumerateArray()
            .Select(h => h.GetProperty("status").GetString()).ToList();
        Assert.Equal(["adjourned", "cancelled"], statuses);
        Assert.Equal(CaseStatus.HearingScheduled, file.Case.Status);
        await ScheduledAsync(host, caseId, "2098-12-08T09:30:00+08:00");
    }

    [Fact]
    public async Task Record_AfterTheStart_WithMinutesAndEveryParty_CaseHeard_AbsenceNamesItsConsequence()
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var caseId = await InEvidenceStageAsync(host);
        var hearingId = await ScheduledAsync(host, caseId, "2098-12-01T09:30:00+08:00");
        var pdf = Encoding.UTF8.GetBytes("%PDF-1.4\n% 庭审笔录\n%%EOF\n");
        var byParty = await host.UploadAsync(caseId, Liu, pdf, kind: "minutes", fileName: "笔录.pdf");
        Assert.True(byParty.Status == 403, byParty.ToString());
        var minutes = await host.UploadAsync(caseId, Clerk, pdf, kind: "minutes", fileName: "庭审笔录.pdf");
        Assert.True(minutes.Status == 201, minutes.ToString());
        var minutesId = minutes.Json.GetProperty("documentId").GetString()!;
        // Minutes not yet named in a record are the court's.
        Assert.Equal(404, (await host.GetAsync($"/api/cases/{caseId}/documents/{minutesId}", Liu)).Status);
        object Body(params object[] attendance) => new { held = true, attendance, minutesDocumentId = minutesId };
        var both = Body(new { partyNumber = 1, present = true }, new { partyNumber = 2, present = false });
        var path = $"/api/cases/{caseId}/hearings/{hearingId}/record";
        await RefusedAsync(host, caseId, 422, "hearing-not-yet-held", () => host.PostJsonAsync(path, Clerk, both));
        await host.MoveClockAsync(China("2098-12-01T11:30"));
        await RefusedAsync(host, caseId, 422, "attendance-incomplete",
            () => host.PostJsonAsync(path, Clerk, Body(new { partyNumber = 1, present = true })));
        await RefusedAsync(host, caseId, 403, null, () => host.PostJsonAsync(path, Liu, both));
        var r = await host.PostJsonAsync(path, Clerk, both);
        Assert.True(r.Status == 201, r.ToString());
        Assert.Equal("held", r.Json.GetProperty("hearing").GetProperty("status").GetString());
        var file = (await host.Store.GetFileAsync(caseId))!;
        Assert.Equal(CaseStatus.Heard, file.Case.Status);
        Assert.Contains("judgment by default (CPL art. 147)",
            file.Events.Single(e => e.Action == HearingActions.RecordHearing.Name).Reason);
        Assert.Equal(minutesId, file.Rows(HearingRows.Records).Single().MinutesDocumentId);
        await RefusedAsync(host, caseId, 409, "transition-not-allowed", () => host.PostJsonAsync(path, Clerk, both));
        // Once recorded, every party may read the minutes (CPL art. 150).
        Assert.Equal(200, (await host.GetAsync($"/api/cases/{caseId}/documents/{minutesId}", Liu)).Status);
    }

    [Fact]
    public async Task PublicCalendar_ListsTheDaysScheduledHearings_NothingPersonal_ClosedOnesWithoutCause()
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var open = await InEvidenceStageAsync(host);
        var closed = await InEvidenceStageAsync(host);
        var moved = await InEvidenceStageAsync(host);
        await ScheduledAsync(host, open, "2098-12-02T09:30:00+08:00");
        var r = await ScheduleAsync(host, closed, Plan("2098-12-02T14:00:00+08:00", courtroom: null, online: true, isPublic: false));
        Assert.True(r.Status == 201, r.ToString());
        var postponed = await ScheduledAsync(host, moved, "2098-12-02T10:00:00+08:00");
        var p = await host.PostJsonAsync($"/api/cases/{moved}/hearings/{postponed}/postpone", Judge,
            new { startsAt = "2098-12-09T10:00:00+08:00", reasons = new[] { "鉴定未完成" } });
        Assert.True(p.Status == 201, p.ToString());
        // A crash after the postponement committed, before its stale row was removed, leaves that row: the reader passes over it.
        var movedCase = (await host.Store.GetAsync(moved))!.Case;
        await host.Services.GetRequiredService<IHearingCalendar>().PutAsync(
            CalendarHearing.Of(movedCase, movedCase.Hearings!.Find(postponed)! with { State = HearingState.Scheduled }));

        var day = await host.GetAsync("/api/hearings?date=2098-12-02&court=%E9%BB%9101", null);
        Assert.True(day.Status == 200, day.ToString());
        Assert.Contains("public", day.Headers.CacheControl.ToString());
        var items = day.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["09:30", "14:00"], items.Select(i => i.GetProperty("time").GetString()));
        Assert.All(items, i => Assert.Equal("2098-12-02", i.GetProperty("date").GetString()));
        Assert.Equal(("民间借贷纠纷", "第三法庭", true), (items[0].GetProperty("cause").GetString(), items[0].GetProperty("courtroom").GetString(),
            items[0].GetProperty("public").GetBoolean()));
        Assert.False(items[1].TryGetProperty("cause", out var cause) && cause.ValueKind != JsonValueKind.Null);
        Assert.True(items[1].GetProperty("online").GetBoolean());
        Assert.False(items[1].GetProperty("public").GetBoolean());
        // No party's name, identity or contact on a public route, even for a public hearing.
        Assert.DoesNotContain("刘志强", day.Text);
        Assert.DoesNotContain("示例科技", day.Text);
        Assert.DoesNotContain(Filings.PlaintiffId, day.Text);
        var next = await host.GetAsync("/api/hearings?date=2098-12-09&court=%E9%BB%9101", null);
        Assert.Single(next.Json.GetProperty("items").EnumerateArray());
        var bad = await host.GetAsync("/api/hearings?date=2098-13-40&court=%E9%BB%9101", null);
        Assert.True(bad.Status == 400, bad.ToString());
    }

    private static string Verified(string user, string at, bool passed = true) => ClientPrincipal.Encode(user, ["party"],
        verification: new ReportedVerification("face", China(at), passed));

    [Fact]
    public async Task Join_OnlineHearing_OnItsDay_IdentityVerifiedAgain_RecordedAndSignedLink_ElseRefusedNamingTheRule()
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var caseId = await InEvidenceStageAsync(host);
        var r = await ScheduleAsync(host, caseId, Plan("2098-12-01T09:30:00+08:00", courtroom: null, online: true));
        Assert.True(r.Status == 201, r.ToString());
        var hearingId = r.Json.GetProperty("hearingId").GetString()!;
        await NoticeServedAsync(host, caseId, hearingId, ServedDocumentKind.Summons);
        var path = $"/api/cases/{caseId}/hearings/{hearingId}/join";
        await RefusedAsync(host, caseId, 422, "hearing-join-not-open", () => host.GetAsync(path, Verified("user-liu", "2098-11-27T09:55")));
        await host.MoveClockAsync(China("2098-12-01T09:10"));
        await RefusedAsync(host, caseId, 422, "online-hearing-identity-not-verified", () => host.GetAsync(path, Liu));
        await RefusedAsync(host, caseId, 422, "online-hearing-identity-not-verified",
            () => host.GetAsync(path, Verified("user-liu", "2098-12-01T08:30")));
        await RefusedAsync(host, caseId, 422, "online-hearing-identity-not-verified",
            () => host.GetAsync(path, Verified("user-liu", "2098-12-01T09:05", passed: false)));
        await RefusedAsync(host, caseId, 403, null, () => host.GetAsync(path, Judge));
        await RefusedAsync(host, caseId, 404, null, () => host.GetAsync(path, Stranger));

        var joined = await host.GetAsync(path, Verified("user-liu", "2098-12-01T09:05"));
        Assert.True(joined.Status == 200, joined.ToString());
        var url = joined.Json.GetProperty("url").GetString()!;
        Assert.StartsWith("https://video.court.example/join?token=", url);
        Assert.Equal(China("2098-12-02T00:00"), joined.Json.GetProperty("expiresAt").GetDateTimeOffset());
        var key = JoinHearing.JoinKey(Convert.FromBase64String(CourtTestHost.TestLinkKey));
        var token = HearingJoinToken.Verify(key, url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..], China("2098-12-01T09:10"));
        Assert.Equal((hearingId, caseId, "user-liu"), (token!.Value.HearingId, token.Value.CaseId, token.Value.UserId));
        var file = (await host.Store.GetFileAsync(caseId))!;
        var verified = file.Events.Single(e => e.Action == HearingActions.VerifyIdentityForHearing);
        Assert.Contains("method face", verified.Reason);
        Assert.Contains("2098-12-01 09:05:00", verified.Reason);
        // The same verification asked again gives a link and records nothing more.
        Assert.Equal(200, (await host.GetAsync(path, Verified("user-liu", "2098-12-01T09:05"))).Status);
        Assert.Single((await host.Store.GetFileAsync(caseId))!.Events, e => e.Action == HearingActions.VerifyIdentityForHearing);
    }
}
