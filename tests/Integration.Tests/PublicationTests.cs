using ECourt.Application.Assignment;
using ECourt.Application.Publication;
using ECourt.Domain.Access;
using ECourt.Domain.Assignment;
using ECourt.Domain.Publication;
using Microsoft.Extensions.DependencyInjection;
using ECourt.Adapters.Search;

namespace ECourt.Integration.Tests;

/// <summary>
/// Publishing an effective judgment through HTTP against Azurite: the anonymised draft made on effect, prepared by the clerk, approved
/// by the division head, then found by the public search (by a word of its text, never by the phone it no longer holds) and read
/// anonymised; withdrawn by the judge, it is neither found nor read. What is not published (a mediation statement) publishes its
/// notice. An index that is down while a judgment is published delays it, and it is found once when the index recovers.
/// </summary>
public class PublicationTests
{
    private static readonly string Judge = CourtSteps.Judge;
    private static readonly string Clerk = CourtSteps.Clerk;
    private static readonly string Head = CourtTestHost.Staff("head-civil", Roles.DivisionHead);
    private static readonly string Liu = CourtTestHost.Principal("user-liu", "party");

    private static async Task<(string CaseId, string JudgmentId)> EffectiveAsync(CourtTestHost host, string kind = "judgment",
        string share = "2300.00")
    {
        await host.Services.GetRequiredService<IStaffRegistry>().PutAsync(new StaffMember("head-civil", "孙庭长", "黑01", Division.Civil,
            new HashSet<string> { Roles.DivisionHead }, true));
        var caseId = await JudgmentTests.HeardAsync(host);
        var documentId = await JudgmentTests.UploadJudgmentAsync(host, caseId);
        var r = await host.PostJsonAsync($"/api/cases/{caseId}/judgments", Judge, JudgmentTests.Judgment(documentId, kind, share));
        Assert.True(r.Status == 201, r.ToString());
        await JudgmentTests.ServedOnBothAsync(host, caseId);
        if (kind == "judgment") await host.MoveClockAsync(CourtTestHost.China("2098-12-13T00:00"));
        await host.WaitForCaseAsync(caseId, f => f.Case.Publication is not null, "the publication's draft made on effect");
        return (caseId, r.Json.GetProperty("judgmentId").GetString()!);
    }

    private static async Task<TestResponse> SearchAsync(CourtTestHost host, string query) => await host.GetAsync("/api/judgments?" + query,
        null);

    /// <summary>Waits until the search answers with <paramref name="total"/> hits (the index applies the queue after the commit).</summary>
    private static Task<TestResponse> FoundAsync(CourtTestHost host, string query, int total) =>
        CourtSteps.WaitUntilAsync(() => SearchAsync(host, query),
            r => r.Status == 200 && r.Json.GetProperty("total").GetInt64() == total, $"the search {query} at {total} hits");

    [Fact]
    public async Task Effective_DraftAnonymised_PreparedApproved_FoundByItsWords_NeverByThePhone_WithdrawnNoLonger()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (_, judgmentId) = await EffectiveAsync(host);
        var path = $"/api/judgments/{judgmentId}";
        Assert.Equal(403, (await host.GetAsync(path + "/publication", Liu)).Status);
        var draft = await host.GetAsync(path + "/publication", Clerk);
        Assert.True(draft.Status == 200, draft.ToString());
        Assert.Equal("awaiting-clerk", draft.Json.GetProperty("state").GetString());
        var text = draft.Json.GetProperty("text").GetString()!;
        // An ordinary case keeps the parties' names; the phone goes, the address is cut to its district, the judge stays.
        Assert.DoesNotContain("13800000000", text);
        Assert.DoesNotContain("示例街2号", text);
        Assert.Contains("哈尔滨市道里区", text);
        Assert.Contains("审判员赵法官", text);
        Assert.Contains("（2098）黑01民初9号", text);
        // Not yet prepared: nothing to approve; the judge approves nothing.
        var early = await host.PostJsonAsync(path + "/approve", Head, new { });
        Assert.True(early.Status == 422, early.ToString());
        Assert.Equal(403, (await host.PostJsonAsync(path + "/approve", Judge, new { })).Status);
        Assert.Equal("awaiting-approval", (await host.PostJsonAsync(path + "/prepare", Clerk, new { })).Json.GetProperty("state")
            .GetString());
        // A correction that brings a phone number back is refused by the residue scan.
        var residue = await host.PostJsonAsync(path + "/approve", Head, new { corrections = text + "联系电话13900000000。" });
        Assert.True(residue.Status == 422 && residue.Text.Contains("publication-residue"), residue.ToString());
        var approved = await host.PostJsonAsync(path + "/approve", Head, new { });
        Assert.True(approved.Status == 200, approved.ToString());
        Assert.Equal("published", approved.Json.GetProperty("state").GetString());

        var found = await FoundAsync(host, "q=%E5%80%9F%E6%AC%BE", 1);   // 借款
        Assert.Equal(judgmentId, found.Json.GetProperty("items")[0].GetProperty("judgmentId").GetString());
        Assert.Equal(0, (await SearchAsync(host, "q=13800000000")).Json.GetProperty("total").GetInt64());
        Assert.Equal(1, (await SearchAsync(host, "caseNumber=%EF%BC%882098%EF%BC%89%E9%BB%9101%E6%B0%91%E5%88%9D9%E5%8F%B7"))
            .Json.GetProperty("total").GetInt64());
        // Typed with ASCII parentheses, the case number is the same.
        Assert.Equal(1, (await SearchAsync(host, "caseNumber=(2098)%E9%BB%9101%E6%B0%91%E5%88%9D9%E5%8F%B7")).Json.GetProperty("total")
            .GetInt64());
        var read = await host.GetAsync(path, null);
        Assert.True(read.Status == 200, read.ToString());
        Assert.DoesNotContain("13800000000", read.Json.GetProperty("text").GetString());

        var withdrawn = await host.PostJsonAsync(path + "/withdraw", Judge, new { reason = "发现文书存在笔误，更正后重新公布" });
        Assert.True(withdrawn.Status == 200, withdrawn.ToString());
        await FoundAsync(host, "q=%E5%80%9F%E6%AC%BE", 0);
        Assert.Equal(404, (await host.GetAsync(path, null)).Status);
    }

    [Fact]
    public async Task Mediation_NotPublished_ItsNoticeWithTheReasonIs()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (_, judgmentId) = await EffectiveAsync(host, "mediation", "1150.00");
        var draft = await host.GetAsync($"/api/judgments/{judgmentId}/publication", Clerk);
        Assert.Equal("以调解方式结案", draft.Json.GetProperty("notPublishedReason").GetString());
        Assert.DoesNotContain("借款", draft.Json.GetProperty("text").GetString());
        Assert.Equal(200, (await host.PostJsonAsync($"/api/judgments/{judgmentId}/prepare", Clerk, new { })).Status);
        Assert.Equal(200, (await host.PostJsonAsync($"/api/judgments/{judgmentId}/approve", Head, new { })).Status);
        await FoundAsync(host, "caseNumber=%EF%BC%882098%EF%BC%89%E9%BB%9101%E6%B0%91%E5%88%9D9%E5%8F%B7", 1);
        var read = await host.GetAsync($"/api/judgments/{judgmentId}", null);
        Assert.Contains("不公开理由：以调解方式结案", read.Json.GetProperty("text").GetString());
    }

    /// <summary>An index that fails while told to.</summary>
    private sealed class FailingIndex(IJudgmentIndex inner) : IJudgmentIndex
    {
        public volatile bool Down;

        public int Upserts;

        public Task EnsureReadyAsync(CancellationToken ct) => inner.EnsureReadyAsync(ct);

        public Task UpsertAsync(IndexedJudgment judgment, CancellationToken ct)
        {
            if (Down) throw new InvalidOperationException("The search index is down.");
            Interlocked.Increment(ref Upserts);
            return inner.UpsertAsync(judgment, ct);
        }

        public Task RemoveAsync(string judgmentId, long version, CancellationToken ct) => inner.RemoveAsync(judgmentId, version, ct);

        public Task<JudgmentHits> SearchAsync(JudgmentQuery query, CancellationToken ct) => inner.SearchAsync(query, ct);
    }

    [Fact]
    public async Task IndexDownWhilePublished_DelaysIt_FoundOnceWhenItRecovers()
    {
        FailingIndex? failing = null;
        // The embedded index, as the host registers it, behind a switch.
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future, services =>
            services.AddSingleton<IJudgmentIndex>(sp => failing = new FailingIndex(new LuceneJudgmentIndex(new LuceneJudgmentIndexOptions(),
                sp.GetRequiredService<IPublishedJudgmentSource>()))));
        var (_, judgmentId) = await EffectiveAsync(host);
        // The index is open (an index opened later is rebuilt from the published copies, which would hide the delay).
        Assert.Equal(0, (await SearchAsync(host, "q=%E5%80%9F%E6%AC%BE")).Json.GetProperty("total").GetInt64());
        failing!.Down = true;
        Assert.Equal(200, (await host.PostJsonAsync($"/api/judgments/{judgmentId}/prepare", Clerk, new { })).Status);
        Assert.Equal(200, (await host.PostJsonAsync($"/api/judgments/{judgmentId}/approve", Head, new { })).Status);
        // Published and readable at once; the search catches up once the index is back (the message is sent again, not lost).
        Assert.Equal(200, (await host.GetAsync($"/api/judgments/{judgmentId}", null)).Status);
        Assert.Equal(0, (await SearchAsync(host, "q=%E5%80%9F%E6%AC%BE")).Json.GetProperty("total").GetInt64());
        failing.Down = false;
        await FoundAsync(host, "q=%E5%80%9F%E6%AC%BE", 1);
        Assert.Equal(1, failing.Upserts);
    }
}
