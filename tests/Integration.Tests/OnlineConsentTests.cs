using ECourt.Domain.Answer;
using ECourt.Domain.Parties;

namespace ECourt.Integration.Tests;

/// <summary>
/// Consent to online proceedings through HTTP against Azurite: each party chooses for itself, per activity; online needs a linked
/// account; a defendant served without one that does not link within 3 days proceeds offline, kept by the case's lifecycle.
/// </summary>
public class OnlineConsentTests
{
    private static readonly string Liu = CourtTestHost.Principal("user-liu", "party");
    private static readonly string Shili = CourtTestHost.Principal("user-shili", "party");

    [Fact]
    public async Task EachParty_ChoosesForItself_PerActivity()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await EvidenceTests.InEvidenceStageAsync(host);
        var body = new { activity = "hearing", online = true };
        Assert.Equal(403, (await host.PostJsonAsync($"/api/cases/{caseId}/parties/2/online-consent", Liu, body)).Status);
        var chosen = await host.PostJsonAsync($"/api/cases/{caseId}/parties/2/online-consent", Shili, body);
        Assert.Equal(200, chosen.Status);
        Assert.True(chosen.Json.GetProperty("online").GetBoolean());
        Assert.Equal(400, (await host.PostJsonAsync($"/api/cases/{caseId}/parties/1/online-consent", Liu,
            new { activity = "trial", online = true })).Status);

        var view = (await host.GetAsync($"/api/cases/{caseId}", Liu)).Json;
        var choice = Assert.Single(view.GetProperty("onlineConsent").GetProperty("choices").EnumerateArray());
        Assert.Equal((2, "hearing"), (choice.GetProperty("partyNumber").GetInt32(), choice.GetProperty("activity").GetString()));
    }

    [Fact]
    public async Task AnUnlinkedDefendant_ProceedsOffline_ThreeDaysAfterTheNotice()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await EvidenceTests.InEvidenceStageAsync(host, defendantLinked: false);
        var plaintiffs = await host.PostJsonAsync($"/api/cases/{caseId}/parties/1/online-consent", Liu,
            new { activity = "evidence-exchange", online = true });
        // The plaintiff's own choice wakes the case's lifecycle, which then keeps the defendant's 3 days.
        Assert.Equal(200, plaintiffs.Status);
        // Served on Tue 2098-11-25: the third day is Fri 11-28.
        var kept = await host.PassDeadlineAsync(caseId, AnswerStage.OnlineLinkingDeadline);
        Assert.Equal(new DateOnly(2098, 11, 28), kept.LastDay);
        await host.WaitForCaseAsync(caseId, f => OnlineConsents.Choice(f.Case, 2, OnlineActivity.Hearing) is { Online: false },
            "the defendant recorded offline");
        var view = (await host.GetAsync($"/api/cases/{caseId}", Liu)).Json;
        Assert.Contains(view.GetProperty("onlineConsent").GetProperty("choices").EnumerateArray(),
            x => x.GetProperty("partyNumber").GetInt32() == 2 && x.GetProperty("basis").GetString()!.Contains("art. 10"));
    }
}
