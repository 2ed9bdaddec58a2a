using ECourt.Adapters.Identity;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Application.Evidence;
using ECourt.Domain.Assignment;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Evidence;
using ECourt.Domain.Parties;
using ECourt.Domain.ServiceOfProcess;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// The evidence stage through HTTP against Azurite: the period of proof and its notice, the end kept by the lifecycle, submission
/// and the chain, the exchange and what each side sees, cross-examination, late evidence, extensions, verification (and tampering
/// found by it), and the bundle verified offline with sha256sum and jq as README says. Bad input and refusals change nothing.
/// </summary>
public class EvidenceTests
{
    private static readonly string Liu = CourtTestHost.Principal("user-liu", "party");
    private static readonly string Shili = CourtTestHost.Principal("user-shili", "party");
    private static readonly string Stranger = CourtTestHost.Principal("stranger", "party");
    private static readonly string Judge = CourtSteps.Judge;
    private static readonly string Clerk = CourtSteps.Clerk;

    /// <summary>
    /// Thu 2098-11-27 10:00: 15 days of ordinary procedure end on Fri 12-12 (2098's arrangement is not loaded: weekends only).
    /// </summary>
    private static readonly DateTimeOffset Now = CourtTestHost.Future;

    /// <summary>
    /// A case as service of process leaves it in the answer and evidence stage: registered, fee settled, the complaint copy served on
    /// the defendant (a fictitious company, its account linked), both parties consenting to service into their platform inboxes.
    /// </summary>
    internal static async Task<string> InEvidenceStageAsync(CourtTestHost host, Procedure procedure = Procedure.Ordinary,
        CaseStatus status = CaseStatus.EvidenceExchange, bool defendantLinked = true)
    {
        var at = host.Clock.GetUtcNow();
        var consent = (string user) => new ElectronicServiceConsent(ConsentSource.Express, at.AddDays(-20), user);
        Party[] parties =
        [
            new(1, PartyRole.Plaintiff, PartyKind.Person, "刘志强", IdentityDocumentType.ResidentId, Filings.PlaintiffId, null, "13800000000",
                null,
                "哈尔滨市道里区示例街2号", "user-liu", false, consent("user-liu"), [], []),
            new(2, PartyRole.Defendant, PartyKind.Organisation, "示例科技有限公司", null, null, Filings.DefendantCreditCode, null, null,
                "哈尔滨市南岗区示例路1号", defendantLinked ? "user-shili" : null, false, consent("user-shili"), [], []),
        ];
        var calc = host.Services.GetRequiredService<DeadlineCalculator>();
        var caseId = CaseId.FromRandom(RandomNumberGenerator.GetBytes(12));
        var c = new CourtCase(caseId, "黑01", FeeCaseType.Property, procedure, "民间借贷纠纷", 100_000m, "判令被告偿还借款100000元", "被告借款到期未还。",
            parties, "user-liu", "", at.AddDays(-20), status, 1, "（2098）黑01民初1号", at.AddDays(-19));
        c = c.With(new ServiceOfProcessSummary(at.AddDays(-19), calc.Compute(ChinaTime.DateOf(at.AddDays(-19)), 5, PeriodUnit.Days), null,
            [new PartyServed(2, at.AddDays(-2))], calc.Compute(ChinaTime.DateOf(at.AddDays(-2)), 15, PeriodUnit.Days)));
        // Assigned at acceptance to the civil division's judge and clerk (CourtTestHost's registry), as the court's rule would.
        c = c.With(new CaseAssignment("judge-zhao", "clerk-wang", Division.Civil, at.AddDays(-19), "system"));
        Assert.NotNull(await host.Services.GetRequiredService<CaseChanges>().CreateAsync(c,
            [new CaseEvent(1, "SeedEvidenceStage", "system", "system", at, null, CaseStatus.EvidenceExchange,
                "In the answer and evidence stage")]));
        return caseId;
    }

    private static byte[] Pdf(string text) => Encoding.UTF8.GetBytes($"%PDF-1.4\n% {text}\n%%EOF\n");

    private static async Task<string> UploadEvidenceAsync(CourtTestHost host, string caseId, string principal, string text,
        string kind = "evidence")
    {
        var r = await host.UploadAsync(caseId, principal, Pdf(text), kind: kind, fileName: text + ".pdf");
        Assert.True(r.Status == 201, r.ToString());
        return r.Json.GetProperty("documentId").GetString()!;
    }

    private static Task<TestResponse> SubmitAsync(CourtTestHost host, string caseId, string principal, object body,
        IDictionary<string, string>? headers = null) =>
        host.PostJsonAsync($"/api/cases/{caseId}/evidence", principal, body, headers);

    private static async Task<JsonElement> SubmittedAsync(CourtTestHost host, string caseId, string principal, string title)
    {
        var documentId = await UploadEvidenceAsync(host, caseId, principal, title);
        var body = new { title, purpose = "证明" + title, source = "当事人持有", documentIds = new[] { documentId } };
        var r = await SubmitAsync(host, caseId, principal, body);
        Assert.True(r.Status == 201, r.ToString());
        return r.Json;
    }

    private static async Task<List<JsonElement>> ListAsync(CourtTestHost host, string caseId, string principal)
    {
        var r = await host.GetAsync($"/api/cases/{caseId}/evidence", principal);
        Assert.True(r.Status == 200, r.ToString());
        return r.Json.GetProperty("items").EnumerateArray().ToList();
    }

    private static readonly object Admits = new { authenticity = "admit", legality = "admit", relevance = "admit" };

    private static IEnumerable<string> Ids(IEnumerable<JsonElement> items) => items.Select(i => i.GetProperty("evidenceId").GetString()!);

    private static Task<TestResponse> SetPeriodAsync(CourtTestHost host, string caseId, string endsOn, string? principal = null) =>
        host.PostJsonAsync($"/api/cases/{caseId}/evidence-period", principal ?? Judge, new { endsOn });

    /// <summary>The judge sets the period; returns once the notice is served on both parties (nothing of the case moves after).</summary>
    private static async Task<JsonElement> PeriodSetAsync(CourtTestHost host, string caseId, string endsOn)
    {
        var r = await SetPeriodAsync(host, caseId, endsOn);
        Assert.True(r.Status == 200, r.ToString());
        await host.WaitForCaseAsync(caseId, f => f.Case.Evidence?.Period?.NoticeServed.Count == 2
            && f.Events.Count(e => e.Action == EvidenceActions.EvidenceNoticeServed) == 2, "the notice served on both parties");
        return r.Json;
    }

    private static Task<TestResponse> ExchangeAsync(CourtTestHost host, string caseId, DateTimeOffset opensAt, DateTimeOffset closesAt,
        string mode = "asynchronous", string disclosure = "at-exchange") =>
        host.PostJsonAsync($"/api/cases/{caseId}/evidence/exchange", Judge, new { mode, opensAt, closesAt, disclosure });

    private static string? ProblemType(TestResponse r) => r.Json.TryGetProperty("type", out var t) ? t.GetString() : null;

    /// <summary>What a change would leave behind: the case's version and events, and every row of the stage and of documents.</summary>
    private static async Task<string> StateAsync(CourtTestHost host, string caseId)
    {
        var file = (await host.Store.GetFileAsync(caseId))!;
        return string.Join("|", file.Case.Version, file.Events.Count, file.Rows(EvidenceRows.Items).Count,
            file.Rows(EvidenceRows.DocumentUses).Count,
            file.Rows(EvidenceRows.Opinions).Count, file.Rows(EvidenceRows.Admissions).Count, file.Rows(EvidenceRows.Extensions).Count,
            file.Rows(EvidenceRows.ExtensionDecisions).Count, file.Rows(DocumentRows.Documents).Count,
            JsonSerializer.Serialize(file.Case.Evidence));
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
    public async Task Period_SetByTheJudge_NoticeServedOnEveryParty_EndKeptByTheLifecycle_EvidenceAfterItIsLate()
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var caseId = await InEvidenceStageAsync(host);
        var set = await SetPeriodAsync(host, caseId, "2098-12-12");
        Assert.True(set.Status == 200, set.ToString());
        var period = set.Json.GetProperty("evidence").GetProperty("period");
        Assert.Equal("2098-12-12", period.GetProperty("lastDay").GetString());
        Assert.True(period.GetProperty("provisional").GetBoolean());
        var deadline = set.Json.GetProperty("deadlines").EnumerateArray()
            .Single(d => d.GetProperty("kind").GetString() == "evidence-period");
        Assert.Equal("2098-12-12", deadline.GetProperty("lastDay").GetString());
        Assert.Contains("arts. 99, 266, 275", deadline.GetProperty("basis").GetString());

        // The notice is a court document served on both parties, each into its inbox.
        var served = await host.WaitForCaseAsync(caseId, f => f.Case.Evidence?.Period?.NoticeServed.Count == 2,
            "the notice served on both");
        Assert.NotNull(served.Case.Evidence!.Period!.NoticeSentAt);
        Assert.Contains(served.Events, e => e.Action == EvidenceActions.SendEvidenceNotice);
        Assert.Equal(2, served.Events.Count(e => e.Action == EvidenceActions.EvidenceNoticeServed));
        var notice = Assert.Single(served.Documents, d => d.Kind == Domain.Documents.DocumentKind.EvidenceNotice);
        Assert.Equal(EvidenceNoticeDocument.IdFor(caseId), notice.DocumentId);
        var inbox = (await host.GetAsync("/api/inbox", Shili)).Json.GetProperty("items").EnumerateArray();
        Assert.Contains(inbox, i => i.GetProperty("kind").GetString() == "evidence-notice");
        var text = Encoding.UTF8.GetString((await host.GetAsync($"/api/cases/{caseId}/documents/{notice.DocumentId}", Shili)).Body);
        Assert.Contains("举证期限至2098年12月12日二十四时届满", text);

        var timely = await SubmittedAsync(host, caseId, Liu, "借条");
        Assert.False(timely.GetProperty("late").GetBoolean());

        var kept = await host.PassDeadlineAsync(caseId, EvidenceStage.PeriodDeadline);
        Assert.Equal(ChinaTime.EndOfDay(new DateOnly(2098, 12, 12)), kept.EndsAt);
        await host.WaitForEventAsync(caseId, EvidenceActions.EndEvidencePeriod);
        var view = (await host.GetAsync($"/api/cases/{caseId}", Liu)).Json;
        Assert.DoesNotContain(view.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("kind").GetString() == "evidence-period");
        Assert.True(view.GetProperty("evidence").GetProperty("period").GetProperty("ended").GetBoolean());

        var late = await SubmittedAsync(host, caseId, Shili, "收条");
        Assert.True(late.GetProperty("late").GetBoolean());
        Assert.Equal(timely.GetProperty("sha256").GetString(), late.GetProperty("previousHash").GetString());
    }

    [Theory]
    // Set on Thu 2098-11-27: ordinary at least 15 days (12-12), simplified at most 15, small claims at most 7 (12-04).
    [InlineData(Procedure.Ordinary, "2098-12-11", "evidence-period-ordinary-minimum")]
    [InlineData(Procedure.Simplified, "2098-12-13", "evidence-period-simplified-maximum")]
    [InlineData(Procedure.SmallClaims, "2098-12-05", "evidence-period-small-claims-maximum")]
    public async Task Period_OutsideTheProceduresBounds_422NamingTheRule_NothingWritten(Procedure procedure, string endsOn, string rule)
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var caseId = await InEvidenceStageAsync(host, procedure);
        await RefusedAsync(host, caseId, 422, rule, () => SetPeriodAsync(host, caseId, endsOn));
    }

    [Fact]
    public async Task Period_BadInputOrNotTheJudge_Refused_NothingWritten_SetOnce()
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var caseId = await InEvidenceStageAsync(host);
        var path = $"/api/cases/{caseId}/evidence-period";
        await RefusedAsync(host, caseId, 400, "validation", () => host.PostJsonAsync(path, Judge, new { }));
        await RefusedAsync(host, caseId, 400, "validation", () => host.PostJsonAsync(path, Judge, new { endsOn = "12/12/2098" }));
        await RefusedAsync(host, caseId, 400, "validation",
            () => host.PostJsonAsync(path, Judge, new { endsOn = "2098-12-12", days = 15 }));
        await RefusedAsync(host, caseId, 422, "period-out-of-range", () => SetPeriodAsync(host, caseId, "2098-11-27"));
        await RefusedAsync(host, caseId, 403, "forbidden", () => SetPeriodAsync(host, caseId, "2098-12-12", Liu));
        await RefusedAsync(host, caseId, 403, "forbidden", () => SetPeriodAsync(host, caseId, "2098-12-12", Clerk));
        await RefusedAsync(host, caseId, 404, "not-found", () => SetPeriodAsync(host, caseId, "2098-12-12", Stranger));
        // A judge of the court the case is not assigned to knows the case, and neither acts on it nor reads its evidence.
        var unassigned = CourtTestHost.Staff("judge-qian", "judge");
        await RefusedAsync(host, caseId, 403, "forbidden", () => SetPeriodAsync(host, caseId, "2098-12-12", unassigned));
        Assert.Equal(403, (await host.GetAsync($"/api/cases/{caseId}/evidence", unassigned)).Status);
        await PeriodSetAsync(host, caseId, "2098-12-12");
        await RefusedAsync(host, caseId, 422, "evidence-period-already-set", () => SetPeriodAsync(host, caseId, "2098-12-31"));
        // A case whose fee is settled but whose defendants are not all served is not in the evidence stage yet.
        var accepted = await InEvidenceStageAsync(host, status: CaseStatus.Accepted);
        await RefusedAsync(host, accepted, 409, "transition-not-allowed", () => SetPeriodAsync(host, accepted, "2098-12-31"));
    }

    [Fact]
    public async Task Submission_ChainedAndHashed_TheOtherSideSeesItOnlyFromTheExchange_ThenCrossExaminesItOnce()
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var caseId = await InEvidenceStageAsync(host);
        var first = await SubmittedAsync(host, caseId, Liu, "借条");
        Assert.Equal(("ev000001", 1), (first.GetProperty("evidenceId").GetString(), first.GetProperty("sequence").GetInt32()));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("previousHash").ValueKind);
        var second = await SubmittedAsync(host, caseId, Shili, "收条");
        Assert.Equal(first.GetProperty("sha256").GetString(), second.GetProperty("previousHash").GetString());

        // Before the exchange each side sees its own; the court sees both.
        Assert.Equal(["ev000001"], Ids(await ListAsync(host, caseId, Liu)));
        Assert.Equal(["ev000002"], Ids(await ListAsync(host, caseId, Shili)));
        Assert.Equal(["ev000001", "ev000002"], Ids(await ListAsync(host, caseId, Judge)));
        var plaintiffs = (await ListAsync(host, caseId, Liu))[0];
        Assert.Equal("user-liu", plaintiffs.GetProperty("submittedBy").GetString());
        var documentId = plaintiffs.GetProperty("documents")[0].GetProperty("documentId").GetString()!;
        Assert.Equal(404, (await host.GetAsync($"/api/cases/{caseId}/documents/{documentId}", Shili)).Status);
        Assert.Equal(404, (await host.PostJsonAsync($"/api/cases/{caseId}/evidence/ev000001/opinions", Shili, Admits)).Status);
        Assert.DoesNotContain(documentId, (await host.GetAsync($"/api/cases/{caseId}", Shili)).Text);

        // The judge orders an asynchronous exchange opening tomorrow: from then, each side sees the other's evidence and documents.
        var opens = Now.AddDays(1);
        var ordered = await ExchangeAsync(host, caseId, opens, Now.AddDays(4));
        Assert.True(ordered.Status == 200, ordered.ToString());
        Assert.Equal(["ev000002"], Ids(await ListAsync(host, caseId, Shili)));
        host.Clock.SetUtcNow(opens);
        var seen = await ListAsync(host, caseId, Shili);
        Assert.Equal(["ev000001", "ev000002"], Ids(seen));
        Assert.False(seen[0].TryGetProperty("submittedBy", out _));
        var download = await host.GetAsync($"/api/cases/{caseId}/documents/{documentId}", Shili);
        Assert.Equal(200, download.Status);
        Assert.Equal(Pdf("借条"), download.Body);
        Assert.Contains(documentId, (await host.GetAsync($"/api/cases/{caseId}", Shili)).Text);

        // Cross-examination: on the other side's evidence only, with reasons for a dispute, once per party and item.
        var opinions = $"/api/cases/{caseId}/evidence/ev000001/opinions";
        // Filing an opinion is taking part in the online exchange: identity verified again first (Online Litigation Rules art. 7).
        await RefusedAsync(host, caseId, 422, "online-exchange-identity-not-verified", () => host.PostJsonAsync(opinions, Shili, Admits));
        var verified = ClientPrincipal.Encode("user-shili", ["party"],
            verification: new ReportedVerification("face", host.Clock.GetUtcNow().AddMinutes(-1), true));
        await RefusedAsync(host, caseId, 422, "cross-examination-own-evidence", () => host.PostJsonAsync(
            $"/api/cases/{caseId}/evidence/ev000002/opinions", Shili, Admits));
        await RefusedAsync(host, caseId, 422, "reasons-required", () => host.PostJsonAsync(opinions, verified,
            new { authenticity = "dispute", legality = "admit", relevance = "admit" }));
        await RefusedAsync(host, caseId, 400, "validation", () => host.PostJsonAsync(opinions, Shili,
            new { authenticity = "maybe", legality = "admit", relevance = "admit" }));
        await RefusedAsync(host, caseId, 400, "validation", () => host.PostJsonAsync(opinions, Shili,
            new { authenticity = "admit", legality = "admit", relevance = "admit", partyNumber = 1 }));
        await RefusedAsync(host, caseId, 404, "not-found", () => host.PostJsonAsync($"/api/cases/{caseId}/evidence/ev000009/opinions",
            Shili, Admits));
        await RefusedAsync(host, caseId, 403, "forbidden", () => host.PostJsonAsync(opinions, Judge, Admits));
        var dispute = new { authenticity = "dispute", legality = "admit", relevance = "admit", reasons = new[] { "借条系复印件，无原件核对" } };
        var filed = await host.PostJsonAsync(opinions, verified, dispute);
        Assert.True(filed.Status == 201, filed.ToString());
        Assert.Equal(2, filed.Json.GetProperty("partyNumber").GetInt32());
        await RefusedAsync(host, caseId, 409, "cross-examination-opinion-filed", () => host.PostJsonAsync(opinions, verified, Admits));
        var listed = (await ListAsync(host, caseId, Liu))[0].GetProperty("opinions");
        Assert.Equal("dispute", Assert.Single(listed.EnumerateArray()).GetProperty("authenticity").GetString());
        // After the window closes no opinion is filed.
        host.Clock.SetUtcNow(Now.AddDays(4));
        await RefusedAsync(host, caseId, 422, "cross-examination-outside-window", () => host.PostJsonAsync(
            $"/api/cases/{caseId}/evidence/ev000002/opinions", Liu, Admits));
    }

    [Fact]
    public async Task Submission_BadInputOrAnothersDocument_Refused_NothingWritten_ARepeatIsTheSameItem()
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var caseId = await InEvidenceStageAsync(host);
        var own = await UploadEvidenceAsync(host, caseId, Liu, "借条");
        var theirs = await UploadEvidenceAsync(host, caseId, Shili, "收条");
        var complaint = await UploadEvidenceAsync(host, caseId, Liu, "起诉状", kind: "other");
        object Body(params string[] ids) => new { title = "借条", purpose = "证明借款", source = "原告持有", documentIds = ids };
        await RefusedAsync(host, caseId, 400, "validation",
            () => SubmitAsync(host, caseId, Liu, new { title = "借条", documentIds = new[] { own } }));
        await RefusedAsync(host, caseId, 400, "validation", () => SubmitAsync(host, caseId, Liu, Body()));
        await RefusedAsync(host, caseId, 400, "validation", () => SubmitAsync(host, caseId, Liu, Body(own, own)));
        await RefusedAsync(host, caseId, 400, "validation", () => SubmitAsync(host, caseId, Liu, Body(theirs)));
        await RefusedAsync(host, caseId, 400, "validation", () => SubmitAsync(host, caseId, Liu, Body("doc/../x")));
        await RefusedAsync(host, caseId, 400, "validation", () => SubmitAsync(host, caseId, Liu,
            new { title = "借条", purpose = "p", source = "s", documentIds = new[] { own }, late = false }));
        await RefusedAsync(host, caseId, 422, "evidence-document-kind-required", () => SubmitAsync(host, caseId, Liu, Body(complaint)));
        await RefusedAsync(host, caseId, 403, "forbidden", () => SubmitAsync(host, caseId, Judge, Body(own)));
        await RefusedAsync(host, caseId, 404, "not-found", () => SubmitAsync(host, caseId, Stranger, Body(own)));

        // The same request with its Idempotency-Key: the first answer again; without it, the same submission is the same item.
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "evidence-001" };
        var first = await SubmitAsync(host, caseId, Liu, Body(own), key);
        Assert.True(first.Status == 201, first.ToString());
        Assert.Equal(first.Text, (await SubmitAsync(host, caseId, Liu, Body(own), key)).Text);
        Assert.Equal(first.Text, (await SubmitAsync(host, caseId, Liu, Body(own))).Text);
        Assert.Single((await host.Store.GetFileAsync(caseId))!.Rows(EvidenceRows.Items));
        await RefusedAsync(host, caseId, 409, "evidence-document-already-submitted", () => SubmitAsync(host, caseId, Liu,
            new { title = "另一份", purpose = "p", source = "s", documentIds = new[] { own } }));
    }

    [Fact]
    public async Task LateEvidence_JudgeExcludesIt_ItStaysInTheRecord_NotInTheExchange()
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var caseId = await InEvidenceStageAsync(host);
        await PeriodSetAsync(host, caseId, "2098-12-12");
        var timely = await SubmittedAsync(host, caseId, Liu, "借条");
        await host.PassDeadlineAsync(caseId, EvidenceStage.PeriodDeadline);
        await host.WaitForEventAsync(caseId, EvidenceActions.EndEvidencePeriod);
        var late = await SubmittedAsync(host, caseId, Liu, "银行流水");
        Assert.True(late.GetProperty("late").GetBoolean());
        var ordered = await ExchangeAsync(host, caseId, host.Clock.GetUtcNow().AddHours(1), host.Clock.GetUtcNow().AddHours(3),
            "synchronous",
            "at-once");
        Assert.True(ordered.Status == 200, ordered.ToString());
        // Disclosed at once: the other side sees the late item too, until the judge excludes it.
        Assert.Equal(["ev000001", "ev000002"], Ids(await ListAsync(host, caseId, Shili)));

        var admission = $"/api/cases/{caseId}/evidence/ev000002/admission";
        await RefusedAsync(host, caseId, 422, "evidence-not-late",
            () => host.PostJsonAsync($"/api/cases/{caseId}/evidence/ev000001/admission",
            Judge, new { decision = "exclude", reasons = new[] { "故意逾期" } }));
        await RefusedAsync(host, caseId, 400, "validation", () => host.PostJsonAsync(admission, Judge, new { decision = "exclude" }));
        await RefusedAsync(host, caseId, 403, "forbidden", () => host.PostJsonAsync(admission, Liu,
            new { decision = "admit", reasons = new[] { "理由" } }));
        var ruled = await host.PostJsonAsync(admission, Judge, new { decision = "exclude", reasons = new[] { "因重大过失逾期提供，且与基本事实无关" } });
        Assert.True(ruled.Status == 200, ruled.ToString());
        await RefusedAsync(host, caseId, 409, "late-evidence-already-ruled", () => host.PostJsonAsync(admission, Judge,
            new { decision = "admit", reasons = new[] { "改判" } }));

        Assert.Equal(["ev000001"], Ids(await ListAsync(host, caseId, Shili)));
        var mine = await ListAsync(host, caseId, Liu);
        Assert.Equal("exclude", mine[1].GetProperty("admission").GetProperty("decision").GetString());
        Assert.True(mine[1].GetProperty("late").GetBoolean());
        var excludedDocument = mine[1].GetProperty("documents")[0].GetProperty("documentId").GetString()!;
        Assert.Equal(404, (await host.GetAsync($"/api/cases/{caseId}/documents/{excludedDocument}", Shili)).Status);
        Assert.Equal(200, (await host.GetAsync($"/api/cases/{caseId}/documents/{excludedDocument}", Liu)).Status);
        // Still in the chain: it verifies with every item.
        var verified = (await host.GetAsync($"/api/cases/{caseId}/evidence/verify", Shili)).Json;
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal(2, verified.GetProperty("items").GetInt32());
        Assert.Equal(timely.GetProperty("sha256").GetString(), late.GetProperty("previousHash").GetString());
    }

    [Fact]
    public async Task Extension_AppliedForBeforeTheEnd_GrantedForEveryParty_DecidedOnce()
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var caseId = await InEvidenceStageAsync(host);
        var extensions = $"/api/cases/{caseId}/extensions";
        object Application(int days) => new { kind = "evidence-period", days, reasons = new[] { "证人在外地，需时间取得书面证言" } };
        await RefusedAsync(host, caseId, 422, "evidence-period-not-set", () => host.PostJsonAsync(extensions, Shili, Application(5)));
        await PeriodSetAsync(host, caseId, "2098-12-12");
        await RefusedAsync(host, caseId, 400, "validation", () => host.PostJsonAsync(extensions, Shili, Application(0)));
        // The trial time limit is the judge's to ask for, not a party's.
        await RefusedAsync(host, caseId, 403, "forbidden", () => host.PostJsonAsync(extensions, Shili,
            new { kind = "trial-limit", days = 5, reasons = new[] { "x" } }));
        await RefusedAsync(host, caseId, 403, "forbidden", () => host.PostJsonAsync(extensions, Judge, Application(5)));
        var applied = await host.PostJsonAsync(extensions, Shili, Application(5));
        Assert.True(applied.Status == 201, applied.ToString());
        Assert.Equal("pending", applied.Json.GetProperty("status").GetString());
        var id = applied.Json.GetProperty("extensionId").GetString()!;

        // The period ends before the judge decides: too late to apply now, not too late to grant.
        await host.PassDeadlineAsync(caseId, EvidenceStage.PeriodDeadline);
        await host.WaitForEventAsync(caseId, EvidenceActions.EndEvidencePeriod);
        await RefusedAsync(host, caseId, 422, "evidence-period-extension-too-late", () => host.PostJsonAsync(extensions, Liu,
            Application(5)));
        var decision = $"{extensions}/{id}/decision";
        await RefusedAsync(host, caseId, 403, "forbidden", () => host.PostJsonAsync(decision, Shili, new { decision = "grant" }));
        await RefusedAsync(host, caseId, 400, "validation", () => host.PostJsonAsync(decision, Judge, new { decision = "refuse" }));
        await RefusedAsync(host, caseId, 404, "not-found", () => host.PostJsonAsync($"{extensions}/ext{new string('0', 24)}/decision",
            Judge,
            new { decision = "grant" }));
        var granted = await host.PostJsonAsync(decision, Judge, new { decision = "grant", days = 3 });
        Assert.True(granted.Status == 200, granted.ToString());
        // Three days from Fri 12-12 is Mon 12-15, for every party.
        Assert.Equal(("granted", "2098-12-15"), (granted.Json.GetProperty("status").GetString(),
            granted.Json.GetProperty("lastDay").GetString()));
        await RefusedAsync(host, caseId, 409, "extension-already-decided", () => host.PostJsonAsync(decision, Judge,
            new { decision = "grant" }));
        var view = (await host.GetAsync($"/api/cases/{caseId}", Liu)).Json;
        Assert.Equal("2098-12-15",
            view.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "evidence-period")
            .GetProperty("lastDay").GetString());
        Assert.Equal("granted", view.GetProperty("evidence").GetProperty("extensions")[0].GetProperty("status").GetString());
        // Evidence of the plaintiff now is within the extended period.
        Assert.False((await SubmittedAsync(host, caseId, Liu, "证人证言")).GetProperty("late").GetBoolean());
    }

    [Fact]
    public async Task Verify_ADocumentOrARecordChangedInStorage_IsReportedAtTheFirstBreak()
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var caseId = await InEvidenceStageAsync(host);
        await SubmittedAsync(host, caseId, Liu, "借条");
        await SubmittedAsync(host, caseId, Shili, "收条");
        await SubmittedAsync(host, caseId, Liu, "银行流水");
        var verify = $"/api/cases/{caseId}/evidence/verify";
        var valid = (await host.GetAsync(verify, Liu)).Json;
        Assert.True(valid.GetProperty("valid").GetBoolean());
        Assert.Equal(3, valid.GetProperty("items").GetInt32());
        Assert.False(valid.TryGetProperty("firstBreak", out _));

        // The defendant's document's bytes replaced in the blob store.
        var second = (await host.Store.GetRowAsync(caseId, EvidenceRows.Items, "ev000002"))!.Value;
        var blob = host.Storage.Documents.GetBlobClient($"{caseId}/{second.Record.Documents[0].DocumentId}");
        await blob.UploadAsync(BinaryData.FromBytes(Pdf("伪造的收条")), overwrite: true);
        var broken = (await host.GetAsync(verify, Judge)).Json;
        Assert.False(broken.GetProperty("valid").GetBoolean());
        Assert.Equal(1, broken.GetProperty("items").GetInt32());
        var at = broken.GetProperty("firstBreak");
        Assert.Equal((2, "document-altered", "ev000002"), (at.GetProperty("sequence").GetInt32(), at.GetProperty("kind").GetString(),
            at.GetProperty("evidenceId").GetString()));
        // The plaintiff, who may not see the defendant's unexchanged item, learns where and how, not which document.
        var forPlaintiff = (await host.GetAsync(verify, Liu)).Json.GetProperty("firstBreak");
        Assert.Equal("document-altered", forPlaintiff.GetProperty("kind").GetString());
        Assert.False(forPlaintiff.TryGetProperty("documentId", out _));
        Assert.False(forPlaintiff.TryGetProperty("evidenceId", out _));

        // The first record's title changed in its row: found before anything after it.
        var first = (await host.Store.GetRowAsync(caseId, EvidenceRows.Items, "ev000001"))!.Value;
        await host.Store.CommitAsync(CaseChange.OfRow(caseId, CaseRow.Of(EvidenceRows.Items, "ev000001",
            first with { Record = first.Record with { Title = "借条（已改）" } })), null);
        at = (await host.GetAsync(verify, Liu)).Json.GetProperty("firstBreak");
        Assert.Equal((1, "record-altered"), (at.GetProperty("sequence").GetInt32(), at.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Bundle_VerifiesOffline_WithSha256sumAndJq_ByTheStepsInReadme_AndATamperedFileFailsThem()
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var caseId = await InEvidenceStageAsync(host);
        await SubmittedAsync(host, caseId, Liu, "借条");
        await SubmittedAsync(host, caseId, Shili, "收条");
        await SubmittedAsync(host, caseId, Liu, "银行流水");
        Assert.Equal(200, (await ExchangeAsync(host, caseId, Now, Now.AddDays(2), disclosure: "at-once")).Status);
        await SubmittedAsync(host, caseId, Shili, "还款凭证");
        var dir = Directory.CreateTempSubdirectory("evidence-bundle-").FullName;
        try
        {
            var bundle = await host.GetAsync($"/api/cases/{caseId}/evidence/bundle", Shili);
            Assert.True(bundle.Status == 200, bundle.ToString());
            Assert.Equal("application/x-tar", bundle.ContentType);
            Assert.Contains($"evidence-{caseId}.tar", bundle.Headers.ContentDisposition.ToString());
            var unpacked = Unpack(bundle.Body, dir);
            var verified = Steps(unpacked);
            Assert.True(verified.ExitCode == 0, verified.Output);
            var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(unpacked, "manifest.json"))).RootElement;
            Assert.Equal(4, manifest.GetProperty("chain").GetProperty("count").GetInt32());
            Assert.Equal(4, Directory.GetFiles(Path.Combine(unpacked, "records")).Length);

            // A changed document, or a changed record, fails the steps.
            var document = Directory.GetFiles(Path.Combine(unpacked, "documents"))[0];
            var original = File.ReadAllBytes(document);
            File.WriteAllBytes(document, Pdf("伪造"));
            Assert.NotEqual(0, Steps(unpacked).ExitCode);
            File.WriteAllBytes(document, original);
            var record = Path.Combine(unpacked, "records", "000002.json");
            File.WriteAllText(record, File.ReadAllText(record).Replace("收条", "欠条"));
            Assert.NotEqual(0, Steps(unpacked).ExitCode);

            // Before any exchange, a party's bundle holds its own records; the other side's items appear by their digests, linked.
            var other = await InEvidenceStageAsync(host);
            await SubmittedAsync(host, other, Liu, "借条");
            await SubmittedAsync(host, other, Shili, "收条");
            await SubmittedAsync(host, other, Liu, "银行流水");
            var own = Unpack((await host.GetAsync($"/api/cases/{other}/evidence/bundle", Liu)).Body, Path.Combine(dir, "own"));
            Assert.Equal(["000001.json", "000003.json"], Directory.GetFiles(Path.Combine(own, "records")).Select(Path.GetFileName).Order());
            var withheld = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(own, "manifest.json"))).RootElement.GetProperty("items")[1];
            Assert.True(withheld.GetProperty("withheld").GetBoolean());
            Assert.False(withheld.TryGetProperty("title", out _));
            var run = Steps(own);
            Assert.True(run.ExitCode == 0, run.Output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Unpacks a tar as a party would: the tar tool, not ECourt code.</summary>
    private static string Unpack(byte[] tar, string dir)
    {
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "bundle.tar");
        File.WriteAllBytes(path, tar);
        var unpacked = Path.Combine(dir, "bundle");
        Directory.CreateDirectory(unpacked);
        var (exit, output) = Run("tar", unpacked, "-xf", path);
        Assert.True(exit == 0, output);
        return unpacked;
    }

    /// <summary>
    /// The verification steps exactly as README gives them (the bash block after its marker), run in the unpacked bundle.
    /// </summary>
    private static (int ExitCode, string Output) Steps(string unpacked)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var marker = readme.IndexOf("<!-- evidence-bundle-steps -->", StringComparison.Ordinal);
        Assert.True(marker >= 0, "README has no evidence bundle steps.");
        var start = readme.IndexOf("```bash\n", marker, StringComparison.Ordinal) + "```bash\n".Length;
        var steps = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        Assert.Contains("sha256sum", steps);
        Assert.Contains("jq", steps);
        return Run("bash", unpacked, "-e", "-o", "pipefail", "-c", steps);
    }

    private static (int ExitCode, string Output) Run(string file, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ECourt.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("The repository's root was not found.");
    }
}
