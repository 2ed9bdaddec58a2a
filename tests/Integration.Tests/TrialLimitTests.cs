using ECourt.Domain.Access;
using ECourt.Domain.TrialLimit;

namespace ECourt.Integration.Tests;

/// <summary>
/// The trial time limit through HTTP against Azurite: shown to the case's team with its basis, the judge's application and the
/// president's approval (no one else may decide it), and the lifecycle's warning at four fifths when court time reaches it.
/// </summary>
public class TrialLimitTests
{
    private static readonly string Liu = CourtTestHost.Principal("user-liu", "party");
    private static readonly string Judge = CourtSteps.Judge;
    private static readonly string President = CourtTestHost.Staff("president-he", Roles.President);

    // Registered Sat 2098-11-08 (the seeded case): 6 months on is Fri 2099-05-08 (181 days; 2099 is counted on weekends alone);
    // four fifths is 144.8 days, so the judge is warned on day 145, Thu 2099-04-02.
    private const string LastDay = "2099-05-08";

    private static async Task<System.Text.Json.JsonElement> ViewAsync(CourtTestHost host, string caseId, string principal) =>
        (await host.GetAsync($"/api/cases/{caseId}", principal)).Json;

    private static string? DeadlineOf(System.Text.Json.JsonElement view, string kind) => view.GetProperty("deadlines").EnumerateArray()
        .Where(d => d.GetProperty("kind").GetString() == kind).Select(d => d.GetProperty("lastDay").GetString()).SingleOrDefault();

    [Fact]
    public async Task TheLimit_ShowsToTheTeam_AndThePresidentExtendsItOnTheJudgesApplication()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await EvidenceTests.InEvidenceStageAsync(host);

        var view = await ViewAsync(host, caseId, Judge);
        var limit = view.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "trial-limit");
        Assert.Equal(LastDay, limit.GetProperty("lastDay").GetString());
        Assert.Contains("CPL arts. 152", limit.GetProperty("basis").GetString());
        Assert.Equal("2099-04-02", DeadlineOf(view, TrialLimitModule.WarningDeadline));
        Assert.Equal(0, view.GetProperty("trialLimit").GetProperty("extendedDays").GetInt32());
        Assert.False((await ViewAsync(host, caseId, Liu)).TryGetProperty("trialLimit", out _));

        var body = new { kind = "trial-limit", days = 30, reasons = new[] { "鉴定意见尚未作出" } };
        Assert.Equal(403, (await host.PostJsonAsync($"/api/cases/{caseId}/extensions", Liu, body)).Status);
        var tooLong = await host.PostJsonAsync($"/api/cases/{caseId}/extensions", Judge, body with { days = 185 });
        Assert.Equal(422, tooLong.Status);
        Assert.Contains("trial-limit-extension-beyond-law", tooLong.Json.GetProperty("type").GetString());
        var applied = await host.PostJsonAsync($"/api/cases/{caseId}/extensions", Judge, body);
        Assert.Equal(201, applied.Status);
        Assert.Equal("trial-limit", applied.Json.GetProperty("kind").GetString());
        var id = applied.Json.GetProperty("extensionId").GetString();

        var decision = $"/api/cases/{caseId}/extensions/{id}/decision";
        var grant = new { decision = "grant", days = 30 };
        Assert.Equal(403, (await host.PostJsonAsync(decision, Judge, grant)).Status);
        Assert.Equal(LastDay, DeadlineOf(await ViewAsync(host, caseId, Judge), TrialLimitModule.LimitDeadline));
        var granted = await host.PostJsonAsync(decision, President, grant);
        Assert.Equal(200, granted.Status);
        // 181 + 30 = 211 days from 2098-11-08: Sun 2099-06-07, so Mon 06-08.
        Assert.Equal("2099-06-08", granted.Json.GetProperty("lastDay").GetString());
        var after = await ViewAsync(host, caseId, Judge);
        Assert.Equal("2099-06-08", DeadlineOf(after, TrialLimitModule.LimitDeadline));
        Assert.Equal(30, after.GetProperty("trialLimit").GetProperty("extendedDays").GetInt32());
        Assert.Equal(409, (await host.PostJsonAsync(decision, President, grant)).Status);
    }

    [Fact]
    public async Task AtFourFifths_TheJudgeIsWarned_OnceForThatLastDay()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await EvidenceTests.InEvidenceStageAsync(host);
        // The judge's application wakes the case's lifecycle; with no period of proof set in the seeded case, the warning is the
        // next deadline it keeps.
        Assert.Equal(201, (await host.PostJsonAsync($"/api/cases/{caseId}/extensions", Judge,
            new { kind = "trial-limit", days = 30, reasons = new[] { "鉴定意见尚未作出" } })).Status);
        var kept = await host.PassDeadlineAsync(caseId, TrialLimitModule.WarningDeadline);
        Assert.Equal(new DateOnly(2099, 4, 2), kept.LastDay);
        await host.WaitForEventAsync(caseId, TrialLimitWarnings.WarnTrialLimit);
        var view = await ViewAsync(host, caseId, Judge);
        Assert.Equal(LastDay, view.GetProperty("trialLimit").GetProperty("warnedFor").GetString());
        Assert.DoesNotContain(view.GetProperty("deadlines").EnumerateArray(),
            d => d.GetProperty("kind").GetString() == TrialLimitModule.WarningDeadline);
        Assert.Contains(view.GetProperty("events").EnumerateArray(), e => e.GetProperty("action").GetString() == "WarnTrialLimit"
            && e.GetProperty("reason").GetString()!.Contains(LastDay, StringComparison.Ordinal));
        // The parties do not see the team's warning.
        Assert.DoesNotContain((await ViewAsync(host, caseId, Liu)).GetProperty("events").EnumerateArray(),
            e => e.GetProperty("action").GetString() == "WarnTrialLimit");
    }
}
