using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Application.Judgments;
using ECourt.Domain.Assignment;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Fees;
using ECourt.Domain.Judgments;
using ECourt.Domain.Parties;
using ECourt.Domain.Publication;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// The judgments stage through HTTP against Azurite: the judge issues the judgment with the signed document, it is served on every
/// party, each party's appeal period runs from its own service, an appeal within it makes the case appealed and a late one is
/// refused, nobody appealing makes it effective the day after the last period with its performance deadlines and costs; a
/// small-claims judgment takes effect on service. Refusals change nothing.
/// </summary>
public class JudgmentTests
{
    private static readonly string Liu = CourtTestHost.Principal("user-liu", "party");
    private static readonly string Shili = CourtTestHost.Principal("user-shili", "party");
    private static readonly string Judge = CourtSteps.Judge;
    private static readonly string Clerk = CourtSteps.Clerk;

    /// <summary>Thu 2098-11-27 10:00 (no arrangement for 2098 is loaded: weekends alone, provisional).</summary>
    private static readonly DateTimeOffset Now = CourtTestHost.Future;

    private static DateTimeOffset China(string local) => CourtTestHost.China(local);

    /// <summary>
    /// A heard case assigned to judge-zhao and clerk-wang whose plaintiff paid the 2,300 yuan fee; both parties consented to service
    /// into their inboxes, so the judgment is served on them at once.
    /// </summary>
    internal static async Task<string> HeardAsync(CourtTestHost host, Procedure procedure = Procedure.Ordinary, decimal fee = 2_300m)
    {
        var at = host.Clock.GetUtcNow();
        var consent = (string user) => new ElectronicServiceConsent(ConsentSource.Express, at.AddDays(-40), user);
        Party[] parties =
        [
            new(1, PartyRole.Plaintiff, PartyKind.Person, "刘志强", IdentityDocumentType.ResidentId, Filings.PlaintiffId, null, "13800000000",
                null, "哈尔滨市道里区示例街2号", "user-liu", false, consent("user-liu"), [], []),
            new(2, PartyRole.Defendant, PartyKind.Organisation, "示例科技有限公司", null, null, Filings.DefendantCreditCode, null, null,
                "哈尔滨市南岗区示例路1号", "user-shili", false, consent("user-shili"), [], []),
        ];
        var caseId = CaseId.FromRandom(RandomNumberGenerator.GetBytes(12));
        var c = new CourtCase(caseId, "黑01", FeeCaseType.Property, procedure, "民间借贷纠纷", 100_000m, "判令被告偿还借款100000元", "被告借款到期未还。",
            parties, "user-liu", "", at.AddDays(-40), CaseStatus.Heard, 1, "（2098）黑01民初9号", at.AddDays(-39));
        c = c.With(new FeeNotice("6222000000000009", fee, "Measures art. 13", at.AddDays(-39), ChinaTime.DateOf(at.AddDays(-39)),
            ChinaTime.DateOf(at.AddDays(-32)), null, null, false, fee, fee, false));
        c = c.With(new CaseAssignment("judge-zhao", "clerk-wang", Division.Civil, at.AddDays(-39), "system"));
        Assert.NotNull(await host.Services.GetRequiredService<CaseChanges>().CreateAsync(c,
            [new CaseEvent(1, "SeedHeard", "system", "system", at, null, CaseStatus.Heard, "Heard")]));
        return caseId;
    }

    internal static readonly byte[] SignedPdf = Encoding.UTF8.GetBytes("%PDF-1.4\n% 判决书（签章）\n%%EOF\n");

    internal static async Task<string> UploadJudgmentAsync(CourtTestHost host, string caseId, byte[]? pdf = null)
    {
        var r = await host.UploadAsync(caseId, Judge, pdf ?? SignedPdf, kind: "judgment", fileName: "判决书.pdf");
        Assert.True(r.Status == 201, r.ToString());
        return r.Json.GetProperty("documentId").GetString()!;
    }

    internal const string Text = "黑龙江省哈尔滨市中级人民法院\n民事判决书\n（2098）黑01民初9号\n原告刘志强，住哈尔滨市道里区示例街2号，电话13800000000。\n"
        + "被告示例科技有限公司。\n判决如下：\n一、被告于本判决生效之日起十日内偿还原告借款100000元。\n案件受理费2300元，由被告负担。\n审判员赵法官\n书记员王书记";

    internal static object Judgment(string documentId, string kind = "judgment", string defendantShare = "2300.00", string? text = Text,
        string? ground = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["kind"] = kind,
            ["documentId"] = documentId,
            ["orders"] = new[] { new { debtor = 2, creditor = 1, amount = "100000.00", performWithinDays = 10, text = "被告偿还原告借款100000元" } },
            ["costs"] = new[] { new { partyNumber = 2, amount = defendantShare } },
        };
        if (text is not null) body["text"] = text;
        if (ground is not null) body["ground"] = ground;
        return body;
    }

    internal static Task<CaseFile> ServedOnBothAsync(CourtTestHost host, string caseId) =>
        host.WaitForCaseAsync(caseId, f => f.Case.Judgment is { Served.Count: 2, SentAt: not null },
            "the judgment sent and served on both parties");

    private static string? ProblemType(TestResponse r) => r.Json.TryGetProperty("type", out var t) ? t.GetString() : null;

    private static async Task<string> StateAsync(CourtTestHost host, string caseId)
    {
        var file = (await host.Store.GetFileAsync(caseId))!;
        return string.Join("|", file.Case.Version, file.Events.Count, file.Case.Status, file.Rows(DocumentRows.Documents).Count,
            JsonSerializer.Serialize(file.Case.Judgment));
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
    public async Task Issue_ServedOnEveryParty_EachPeriodFromItsService_EffectiveTheDayAfter_WithPerformanceAndCosts()
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var caseId = await HeardAsync(host);
        var byParty = await host.UploadAsync(caseId, Liu, SignedPdf, kind: "judgment", fileName: "判决书.pdf");
        Assert.True(byParty.Status == 403, byParty.ToString());
        var documentId = await UploadJudgmentAsync(host, caseId);
        var path = $"/api/cases/{caseId}/judgments";
        await RefusedAsync(host, caseId, 403, null, () => host.PostJsonAsync(path, Liu, Judgment(documentId)));
        await RefusedAsync(host, caseId, 422, "costs-must-equal-fee", () => host.PostJsonAsync(path, Judge,
            Judgment(documentId, defendantShare: "1000.00")));
        var r = await host.PostJsonAsync(path, Judge, Judgment(documentId));
        Assert.True(r.Status == 201, r.ToString());
        Assert.Equal(("judgment", "drafted", true), (r.Json.GetProperty("kind").GetString(), r.Json.GetProperty("textSource").GetString(),
            r.Json.GetProperty("appealable").GetBoolean()));
        var judgmentId = r.Json.GetProperty("judgmentId").GetString()!;
        Assert.Equal(Text, await host.Services.GetRequiredService<JudgmentText>().GetAsync(caseId, judgmentId, default));

        // Served Thu 2098-11-27 on both: each may appeal until the 15th day, Fri 12-12; the case view shows both periods.
        await ServedOnBothAsync(host, caseId);
        await RefusedAsync(host, caseId, 409, "transition-not-allowed", () => host.PostJsonAsync(path, Judge, Judgment(documentId)));
        var view = await host.GetAsync($"/api/cases/{caseId}", Liu);
        var judgment = view.Json.GetProperty("judgment");
        Assert.All(judgment.GetProperty("parties").EnumerateArray(), p => Assert.Equal("2098-12-12",
            p.GetProperty("appealBy").GetString()));
        var deadlines = view.Json.GetProperty("deadlines").EnumerateArray().Select(d => d.GetProperty("kind").GetString()).ToList();
        Assert.Equal(2, deadlines.Count(k => k == JudgmentsStage.AppealPeriodKind));
        Assert.Contains(JudgmentsStage.JudgmentEffect, deadlines);

        // Nobody appealed: effective on Sat 12-13; the loan is repaid within 10 days, by Tue 12-23; the defendant pays the plaintiff
        // the fee it prepaid.
        await host.MoveClockAsync(China("2098-12-13T00:00"));
        var effective = await host.WaitForCaseAsync(caseId, f => f.Case.Status == CaseStatus.Effective, "the judgment effective");
        Assert.Equal(new DateOnly(2098, 12, 13), effective.Case.Judgment!.EffectiveOn);
        Assert.Equal(new DateOnly(2098, 12, 23), Assert.Single(effective.Case.Judgment!.Performance).LastDay);
        var payment = Assert.Single(effective.Case.Judgment!.CostInstructions);
        Assert.Equal((CostInstructionKind.Payment, (int?)2, (int?)1, 2_300m), (payment.Kind, payment.FromParty, payment.ToParty,
            payment.Amount));
        view = await host.GetAsync($"/api/cases/{caseId}", Shili);
        Assert.Equal("Effective", view.Json.GetProperty("status").GetString());
        Assert.Contains(view.Json.GetProperty("deadlines").EnumerateArray(), d =>
            d.GetProperty("kind").GetString() == JudgmentsStage.Performance
            && d.GetProperty("lastDay").GetString() == "2098-12-23");
        // Once the publication's draft is made (at effect; the case is quiet then), an appeal is too late.
        await PublicationDraftedAsync(host, caseId);
        await RefusedAsync(host, caseId, 409, "transition-not-allowed", () => host.PostJsonAsync($"/api/cases/{caseId}/appeals", Shili,
            new { partyNumber = 2, grounds = "不服" }));
    }

    private static Task<CaseFile> PublicationDraftedAsync(CourtTestHost host, string caseId) =>
        host.WaitForCaseAsync(caseId, f => f.Case.Publication is not null, "the publication's draft made on effect");

    [Fact]
    public async Task Appeal_WithinTheParty_sPeriod_CaseAppealed_ForItsOwnPartyOnly_LateRefused()
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var caseId = await HeardAsync(host);
        var documentId = await UploadJudgmentAsync(host, caseId);
        Assert.Equal(201, (await host.PostJsonAsync($"/api/cases/{caseId}/judgments", Judge, Judgment(documentId))).Status);
        await ServedOnBothAsync(host, caseId);
        var path = $"/api/cases/{caseId}/appeals";
        // The plaintiff may not appeal for the defendant; the court's clerk appeals for nobody.
        await RefusedAsync(host, caseId, 403, null, () => host.PostJsonAsync(path, Liu, new { partyNumber = 2, grounds = "不服" }));
        await RefusedAsync(host, caseId, 403, null, () => host.PostJsonAsync(path, Clerk, new { partyNumber = 2, grounds = "不服" }));
        await RefusedAsync(host, caseId, 400, null, () => host.PostJsonAsync(path, Shili, new { partyNumber = 2 }));
        await host.MoveClockAsync(China("2098-12-12T23:00"));
        var r = await host.PostJsonAsync(path, Shili, new { partyNumber = 2, grounds = "一审认定事实不清" });
        Assert.True(r.Status == 201, r.ToString());
        var file = (await host.Store.GetFileAsync(caseId))!;
        Assert.Equal(CaseStatus.Appealed, file.Case.Status);
        Assert.Equal(2, Assert.Single(file.Case.Judgment!.Appeals).PartyNumber);
        await RefusedAsync(host, caseId, 422, "appeal-already-filed", () => host.PostJsonAsync(path, Shili,
            new { partyNumber = 2, grounds = "再次上诉" }));
        // The plaintiff's own period ended at 24:00 on 12-12 (CPL art. 171).
        await host.MoveClockAsync(China("2098-12-13T00:00"));
        await RefusedAsync(host, caseId, 422, "appeal-period-ended", () => host.PostJsonAsync(path, Liu,
            new { partyNumber = 1, grounds = "迟到的上诉" }));
        Assert.Equal(CaseStatus.Appealed, (await host.Store.GetAsync(caseId))!.Case.Status);
    }

    [Fact]
    public async Task SmallClaims_FinalOnService_NotAppealable_JudgmentBeforeHearingRefused()
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var caseId = await HeardAsync(host, Procedure.SmallClaims, fee: 1_150m);
        var documentId = await UploadJudgmentAsync(host, caseId);
        Assert.Equal(201, (await host.PostJsonAsync($"/api/cases/{caseId}/judgments", Judge, Judgment(documentId,
            defendantShare: "1150.00"))).Status);
        var effective = await host.WaitForCaseAsync(caseId, f => f.Case.Status == CaseStatus.Effective,
            "effective on service (CPL art. 165)");
        Assert.Equal(new DateOnly(2098, 11, 27), effective.Case.Judgment!.EffectiveOn);
        await PublicationDraftedAsync(host, caseId);
        await RefusedAsync(host, caseId, 409, "transition-not-allowed", () => host.PostJsonAsync($"/api/cases/{caseId}/appeals", Liu,
            new { partyNumber = 1, grounds = "不服" }));

        var other = await HeardAsync(host);
        var stored = (await host.Store.GetAsync(other))!;
        Assert.Equal(CommitOutcome.Committed, (await host.Store.CommitAsync(CaseChange.Of(stored.Case with
        {
            Status = CaseStatus.HearingScheduled,
        }, []), stored.ETag)).Outcome);
        var otherDocument = await UploadJudgmentAsync(host, other);
        await RefusedAsync(host, other, 422, "judgment-before-hearing", () => host.PostJsonAsync($"/api/cases/{other}/judgments", Judge,
            Judgment(otherDocument)));
    }

    [Fact]
    public async Task WithoutText_ReadFromThePdf_JoinedLines_OrUnreadableForTheClerk()
    {
        await using var host = await CourtTestHost.StartAsync(Now);
        var caseId = await HeardAsync(host);
        // A sentence broken by the layout, and the phone number with it, comes back whole.
        var readable = HandMadePdf.Chinese(["黑龙江省哈尔滨市中级人民法院民事判决书", "原告刘志强，电话1380000", "0000。被告偿还借款。"]);
        var documentId = await UploadJudgmentAsync(host, caseId, readable);
        var r = await host.PostJsonAsync($"/api/cases/{caseId}/judgments", Judge, Judgment(documentId, text: null));
        Assert.True(r.Status == 201, r.ToString());
        Assert.Equal("extracted", r.Json.GetProperty("textSource").GetString());
        var text = await host.Services.GetRequiredService<JudgmentText>().GetAsync(caseId,
            r.Json.GetProperty("judgmentId").GetString()!, default);
        Assert.Contains("原告刘志强，电话13800000000。被告偿还借款。", text);

        // A subset font without a Unicode map, as official PDFs often have: issued all the same, its text left to the clerk.
        var other = await HeardAsync(host);
        var unmapped = HandMadePdf.Chinese(new PdfFontMap(ToUnicode: false, FirstCid: 20_000), ["黑龙江省哈尔滨市中级人民法院民事判决书",
            "被告于本判决生效之日起十日内偿还借款。"]);
        var otherDocument = await UploadJudgmentAsync(host, other, unmapped);
        r = await host.PostJsonAsync($"/api/cases/{other}/judgments", Judge, Judgment(otherDocument, text: null));
        Assert.True(r.Status == 201, r.ToString());
        Assert.Equal(("unreadable", "unmapped-font"), (r.Json.GetProperty("textSource").GetString(),
            r.Json.GetProperty("textFailure").GetString()));
        Assert.Null(await host.Services.GetRequiredService<JudgmentText>().GetAsync(other, r.Json.GetProperty("judgmentId").GetString()!,
            default));
    }
}
