using ECourt.Application.Assignment;
using ECourt.Domain.Access;
using ECourt.Domain.Assignment;
using ECourt.Domain.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// The staff registry and case assignment: an accepted case goes to a judge and clerk of the civil division by the court's
/// rule (the draw injected, so known), and from then on only its team sees the file: the assigned judge and clerk, the head
/// of its division and the president; the filing division's clerks keep its service tasks; other staff get 403.
/// </summary>
public class AssignmentTests
{
    private const string Liu = "user-liu";
    private static readonly string Admin = CourtTestHost.Staff("admin-qian", Roles.Admin);

    /// <summary>Draws the last share: with equal loads, the last eligible member by user id.</summary>
    private sealed class LastDraw : IAssignmentDraw
    {
        public decimal Next() => 0.999m;
    }

    private static Task<TestResponse> PutStaffAsync(CourtTestHost host, string userId, string division, string[] roles, bool active = true,
        string? principal = null) =>
        host.SendAsync("PUT", $"/api/staff/{userId}", principal ?? Admin, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            new { name = userId, division, roles, active }), "application/json");

    private static async Task<string> AcceptedAsync(CourtTestHost host)
    {
        var caseId = (await host.RegisteredAsync(Liu)).GetProperty("caseId").GetString()!;
        await host.RaiseCreditAsync(caseId, "ICBC", "20261127-" + caseId[^6..], 2300m, host.Clock.GetUtcNow());
        await host.WaitForStatusAsync(caseId, CaseStatus.Accepted);
        return caseId;
    }

    [Fact]
    public async Task Registry_AdminOfTheCourtOnly_RolesAndDivisionChecked_UnknownFieldRefused()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        Assert.Equal(200, (await PutStaffAsync(host, "judge-li", "civil", [Roles.Judge])).Status);
        var list = await host.GetAsync("/api/staff", Admin);
        Assert.Equal(["clerk-wang", "judge-li", "judge-zhao"],
            list.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("userId").GetString()));

        var badRole = await PutStaffAsync(host, "judge-x", "civil", ["judge", "emperor"]);
        Assert.Equal(400, badRole.Status);
        Assert.True(badRole.Json.GetProperty("errors").TryGetProperty("roles[1]", out _), badRole.ToString());
        var badDivision = await PutStaffAsync(host, "judge-x", "criminal", ["judge"]);
        Assert.Equal(400, badDivision.Status);
        Assert.True(badDivision.Json.GetProperty("errors").TryGetProperty("division", out _), badDivision.ToString());
        Assert.Equal(403, (await PutStaffAsync(host, "judge-x", "civil", ["judge"], principal: CourtSteps.Judge)).Status);
        Assert.Equal(403, (await host.GetAsync("/api/staff", CourtSteps.Clerk)).Status);
        // Another court's administrator sees its own registry, not this one.
        var other = await host.GetAsync("/api/staff", CourtTestHost.Staff("admin-other", Roles.Admin, "黑0102"));
        Assert.Empty(other.Json.GetProperty("items").EnumerateArray());
        Assert.Equal(3, (await host.GetAsync("/api/staff", Admin)).Json.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Accepted_AssignedByTheRule_OnlyItsTeamSeesTheFile_FilingClerksKeepService()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future,
            services => services.AddSingleton<IAssignmentDraw>(new LastDraw()));
        Assert.Equal(200, (await PutStaffAsync(host, "judge-zhou", "civil", [Roles.Judge])).Status);
        Assert.Equal(200, (await PutStaffAsync(host, "head-civil", "civil", [Roles.DivisionHead])).Status);
        Assert.Equal(200, (await PutStaffAsync(host, "head-commercial", "commercial", [Roles.DivisionHead])).Status);
        Assert.Equal(200, (await PutStaffAsync(host, "clerk-filing", "filing", [Roles.Clerk])).Status);
        var caseId = await AcceptedAsync(host);

        var c = await host.WaitForEventAsync(caseId, "CaseAssigned");
        // Loads 0 and 0: the last draw takes the last eligible judge by user id.
        Assert.Equal("judge-zhou", c.Assignment!.Judge);
        Assert.Equal("clerk-wang", c.Assignment!.Clerk);
        var path = $"/api/cases/{caseId}";
        Assert.Equal(200, (await host.GetAsync(path, CourtTestHost.Staff("judge-zhou", Roles.Judge))).Status);
        Assert.Equal(200, (await host.GetAsync(path, CourtSteps.Clerk)).Status);
        Assert.Equal(200, (await host.GetAsync(path, CourtTestHost.Staff("head-civil", Roles.DivisionHead))).Status);
        Assert.Equal(200, (await host.GetAsync(path, CourtTestHost.Staff("president-he", Roles.President))).Status);
        // Not on the case: they know it exists, and see nothing of it.
        Assert.Equal(403, (await host.GetAsync(path, CourtSteps.Judge)).Status);
        Assert.Equal(403, (await host.GetAsync(path, CourtTestHost.Staff("head-commercial", Roles.DivisionHead))).Status);
        Assert.Equal(403, (await host.GetAsync(path, CourtTestHost.Staff("clerk-filing", Roles.Clerk))).Status);
        Assert.Equal(200, (await host.GetAsync($"{path}/service", CourtTestHost.Staff("clerk-filing", Roles.Clerk))).Status);
        Assert.Equal(404, (await host.GetAsync(path, CourtTestHost.Staff("judge-other", Roles.Judge, "黑0102"))).Status);
        // The judge's list names the case; an unassigned judge's does not.
        var mine = await host.GetAsync("/api/cases", CourtTestHost.Staff("judge-zhou", Roles.Judge));
        Assert.Contains(mine.Json.GetProperty("items").EnumerateArray(), i => i.GetProperty("caseId").GetString() == caseId);
        var notMine = await host.GetAsync("/api/cases", CourtSteps.Judge);
        Assert.DoesNotContain(notMine.Json.GetProperty("items").EnumerateArray(), i => i.GetProperty("caseId").GetString() == caseId);
        // The parties see the case, not its assignment part.
        var party = await host.GetAsync(path, CourtTestHost.Principal(Liu, Roles.Party));
        Assert.False(party.Json.TryGetProperty("assignment", out _));

        // A member the registry marks inactive acts on nothing, whatever the token says.
        Assert.Equal(200, (await PutStaffAsync(host, "judge-zhou", "civil", [Roles.Judge], active: false)).Status);
        Assert.Equal(404, (await host.GetAsync(path, CourtTestHost.Staff("judge-zhou", Roles.Judge))).Status);
    }

    [Fact]
    public async Task NoEligibleJudge_CaseWaits_DivisionHeadAssignsByHand_ThenReassignsWithReason()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        Assert.Equal(200, (await PutStaffAsync(host, "judge-zhao", "civil", [Roles.Judge], active: false)).Status);
        Assert.Equal(200, (await PutStaffAsync(host, "judge-li", "commercial", [Roles.Judge])).Status);
        Assert.Equal(200, (await PutStaffAsync(host, "head-civil", "civil", [Roles.DivisionHead])).Status);
        Assert.Equal(200, (await PutStaffAsync(host, "head-commercial", "commercial", [Roles.DivisionHead])).Status);
        var caseId = await AcceptedAsync(host);
        var waiting = await host.WaitForEventAsync(caseId, "AssignmentWaiting");
        Assert.False(waiting.Assignment!.IsAssigned);
        Assert.Equal(host.Clock.GetUtcNow().AddDays(1), waiting.Assignment!.RetryAt);
        var head = CourtTestHost.Staff("head-civil", Roles.DivisionHead);
        var view = await host.GetAsync($"/api/cases/{caseId}", head);
        Assert.Contains(view.Json.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("kind").GetString() == "assignment");

        var path = $"/api/cases/{caseId}/assignment";
        // A judge of another division, the wrong division's head, a missing reason: refused, nothing changes.
        var wrongDivision = await host.PostJsonAsync(path, head, new { judge = "judge-li", clerk = "clerk-wang", reason = "专业对口" });
        Assert.Equal(422, wrongDivision.Status);
        Assert.Equal("urn:ecourt:problem:assignee-not-eligible", wrongDivision.Json.GetProperty("type").GetString());
        Assert.Equal(403, (await host.PostJsonAsync(path, CourtTestHost.Staff("head-commercial", Roles.DivisionHead),
            new { judge = "judge-li", clerk = "clerk-wang", reason = "专业对口" })).Status);
        var noReason = await host.PostJsonAsync(path, head, new { judge = "judge-zhao", clerk = "clerk-wang" });
        Assert.Equal(400, noReason.Status);
        Assert.Equal(403, (await host.PostJsonAsync(path, CourtTestHost.Staff("judge-li", Roles.Judge),
            new { judge = "judge-zhao", clerk = "clerk-wang", reason = "x" })).Status);
        // Nothing of the assignment changed (service of process may move the case meanwhile: its own work, not these refusals).
        Assert.Equal(waiting.Assignment, (await host.Store.GetAsync(caseId))!.Case.Assignment);

        Assert.Equal(200, (await PutStaffAsync(host, "judge-zhao", "civil", [Roles.Judge])).Status);
        var assigned = await host.PostJsonAsync(path, head, new { judge = "judge-zhao", clerk = "clerk-wang", reason = "民事审判庭轮值" });
        Assert.True(assigned.Status == 200, assigned.ToString());
        Assert.Equal("judge-zhao", assigned.Json.GetProperty("assignment").GetProperty("judge").GetString());
        Assert.Equal(200, (await host.GetAsync($"/api/cases/{caseId}", CourtSteps.Judge)).Status);

        Assert.Equal(200, (await PutStaffAsync(host, "judge-zhou", "civil", [Roles.Judge])).Status);
        var president = CourtTestHost.Staff("president-he", Roles.President);
        var moved = await host.PostJsonAsync(path, president, new { judge = "judge-zhou", clerk = "clerk-wang", reason = "赵法官回避" });
        Assert.True(moved.Status == 200, moved.ToString());
        var last = (await host.GetAsync($"/api/cases/{caseId}", president)).Json.GetProperty("events").EnumerateArray().Last();
        Assert.Equal("CaseReassigned", last.GetProperty("action").GetString());
        Assert.Equal("president", last.GetProperty("actorRole").GetString());
        Assert.Equal(403, (await host.GetAsync($"/api/cases/{caseId}", CourtSteps.Judge)).Status);
    }
}
