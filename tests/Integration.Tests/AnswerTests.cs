using System.Text;
using ECourt.Domain.TrialLimit;

namespace ECourt.Integration.Tests;

/// <summary>
/// The defendant's answer and objection to jurisdiction through HTTP against Azurite: the answer filed from the defendant's own
/// answer documents reaches the plaintiff, once; an objection within the answer period stops the trial time limit, one after it is
/// refused naming CPL art. 130; the plaintiff can do neither. Refusals change nothing.
/// </summary>
public class AnswerTests
{
    private static readonly string Liu = CourtTestHost.Principal("user-liu", "party");
    private static readonly string Shili = CourtTestHost.Principal("user-shili", "party");

    private static async Task<string> UploadAsync(CourtTestHost host, string caseId, string principal, string kind = "answer")
    {
        var r = await host.UploadAsync(caseId, principal, Encoding.UTF8.GetBytes("%PDF-1.4\n% 答辩状\n%%EOF\n"), kind: kind,
            fileName: "答辩状.pdf");
        Assert.True(r.Status == 201, r.ToString());
        return r.Json.GetProperty("documentId").GetString()!;
    }

    [Fact]
    public async Task TheDefendantsAnswer_IsFiledOnce_AndReachesThePlaintiff()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await EvidenceTests.InEvidenceStageAsync(host);
        var path = $"/api/cases/{caseId}/answers";
        var doc = await UploadAsync(host, caseId, Shili);
        // Until it is filed, the plaintiff does not see the defendant's document.
        Assert.Equal(404, (await host.GetAsync($"/api/cases/{caseId}/documents/{doc}", Liu)).Status);

        Assert.Equal(403, (await host.PostJsonAsync(path, Liu, new { documentIds = new[] { doc } })).Status);
        var evidence = await UploadAsync(host, caseId, Shili, "evidence");
        var wrongKind = await host.PostJsonAsync(path, Shili, new { documentIds = new[] { evidence } });
        Assert.Equal(422, wrongKind.Status);
        Assert.Contains("answer-document-kind-required", wrongKind.Json.GetProperty("type").GetString());

        var filed = await host.PostJsonAsync(path, Shili, new { documentIds = new[] { doc } });
        Assert.Equal(201, filed.Status);
        var answer = Assert.Single(filed.Json.GetProperty("answers").EnumerateArray());
        Assert.Equal(2, answer.GetProperty("partyNumber").GetInt32());
        Assert.False(answer.GetProperty("late").GetBoolean());
        Assert.Equal(200, (await host.GetAsync($"/api/cases/{caseId}/documents/{doc}", Liu)).Status);
        var view = (await host.GetAsync($"/api/cases/{caseId}", Liu)).Json;
        Assert.Equal(doc, view.GetProperty("answer").GetProperty("answers")[0].GetProperty("documentIds")[0].GetString());

        var again = await host.PostJsonAsync(path, Shili, new { documentIds = new[] { await UploadAsync(host, caseId, Shili) } });
        Assert.Equal(422, again.Status);
        Assert.Contains("answer-already-filed", again.Json.GetProperty("type").GetString());
    }

    [Fact]
    public async Task AnObjectionToJurisdiction_WithinTheAnswerPeriod_StopsTheTrialLimit()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await EvidenceTests.InEvidenceStageAsync(host);
        var path = $"/api/cases/{caseId}/jurisdiction-objections";
        var body = new { reasons = new[] { "被告住所地在南岗区" }, proposedCourt = "哈尔滨市南岗区人民法院" };
        Assert.Equal(403, (await host.PostJsonAsync(path, Liu, body)).Status);

        var objected = await host.PostJsonAsync(path, Shili, body);
        Assert.Equal(201, objected.Status);
        Assert.Equal("哈尔滨市南岗区人民法院", objected.Json.GetProperty("proposedCourt").GetString());
        var view = (await host.GetAsync($"/api/cases/{caseId}", CourtSteps.Judge)).Json;
        Assert.Equal("2098-11-27", view.GetProperty("trialLimit").GetProperty("suspendedSince").GetString());
        Assert.DoesNotContain(view.GetProperty("deadlines").EnumerateArray(),
            d => d.GetProperty("kind").GetString() == TrialLimitModule.LimitDeadline);
        Assert.Single(view.GetProperty("answer").GetProperty("jurisdictionObjections").EnumerateArray());
    }

    [Fact]
    public async Task AnObjectionAfterTheAnswerPeriod_IsRefusedNamingTheRule_AndChangesNothing()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await EvidenceTests.InEvidenceStageAsync(host);
        // Served on 2098-11-25: the 15th day is Wed 12-10 (2098 counted on weekends alone); the period ends at 24:00 that day.
        await host.MoveClockAsync(CourtTestHost.China("2098-12-11T00:00"));
        var before = (await host.Store.GetAsync(caseId))!.Case.Version;
        var late = await host.PostJsonAsync($"/api/cases/{caseId}/jurisdiction-objections", Shili,
            new { reasons = new[] { "被告住所地在南岗区" } });
        Assert.Equal(422, late.Status);
        Assert.Contains("jurisdiction-objection-late", late.Json.GetProperty("type").GetString());
        Assert.Contains("CPL art. 130", late.Json.GetProperty("detail").GetString());
        Assert.Equal(before, (await host.Store.GetAsync(caseId))!.Case.Version);
    }
}
