using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Integration.Tests;

/// <summary>
/// What a client and a cache may rely on: an answer's ETag is strong and covers everything the answer depends on (the case,
/// its rows, court time, who asks), so If-None-Match is 304 only while the answer would be byte-identical; If-Match names
/// the case's version (the part of a case answer's tag before the dot), and a weak or stale one is 412; Cache-Control says
/// who may keep an answer.
/// </summary>
public class HttpCachingTests
{
    private static readonly string Liu = CourtTestHost.Principal("user-liu", "party");

    private static Dictionary<string, string> Header(string name, string value) => new() { [name] = value };

    private static string ETagOf(TestResponse r)
    {
        var tag = r.Headers.ETag.ToString();
        Assert.False(string.IsNullOrEmpty(tag), $"No ETag: {r}");
        return tag;
    }

    private static Task<TestResponse> GetIfNoneMatchAsync(CourtTestHost host, string path, string? principal, string etag) =>
        host.SendAsync("GET", path, principal, headers: Header("If-None-Match", etag));

    private static void AssertNotModified(TestResponse r, string etag)
    {
        Assert.True(r.Status == 304, r.ToString());
        Assert.Empty(r.Body);
        Assert.Equal(etag, r.Headers.ETag.ToString());
    }

    [Fact]
    public async Task CaseRead_StrongETagOfItsVersion_IfNoneMatch304_UntilTheAnswerChanges()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.CreateAsync("user-liu");
        var read = await host.GetAsync($"/api/cases/{caseId}", Liu);
        var etag = ETagOf(read);
        // Strong (no W/), quoted, and led by the case's version.
        Assert.StartsWith($"\"{read.Json.GetProperty("version").GetInt32()}.", etag);
        Assert.EndsWith("\"", etag);
        Assert.Equal("private, no-cache", read.Headers.CacheControl.ToString());

        var again = await GetIfNoneMatchAsync(host, $"/api/cases/{caseId}", Liu, etag);
        AssertNotModified(again, etag);
        Assert.Equal("private, no-cache", again.Headers.CacheControl.ToString());
        // A cache may have weakened the tag it kept: If-None-Match compares weakly.
        AssertNotModified(await GetIfNoneMatchAsync(host, $"/api/cases/{caseId}", Liu, "W/" + etag), etag);
        AssertNotModified(await GetIfNoneMatchAsync(host, $"/api/cases/{caseId}", Liu, $"\"other\", {etag}"), etag);

        // A document changes the answer, not the version: a new tag, the same version before its dot.
        Assert.Equal(201, (await host.UploadAsync(caseId, Liu, Filings.Pdf)).Status);
        var changed = await GetIfNoneMatchAsync(host, $"/api/cases/{caseId}", Liu, etag);
        Assert.Equal(200, changed.Status);
        Assert.NotEqual(etag, ETagOf(changed));
        Assert.StartsWith($"\"{read.Json.GetProperty("version").GetInt32()}.", ETagOf(changed));
        Assert.Single(changed.Json.GetProperty("documents").EnumerateArray());
    }

    [Fact]
    public async Task CaseRead_AnotherCallersView_Not304()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        var filer = await host.GetAsync($"/api/cases/{caseId}", Liu);
        var etag = ETagOf(filer);
        // The clerk sees the defendant's identity and contact data that the filer does not: another answer, another tag.
        var clerk = await GetIfNoneMatchAsync(host, $"/api/cases/{caseId}", CourtSteps.Clerk, etag);
        Assert.Equal(200, clerk.Status);
        Assert.NotEqual(etag, ETagOf(clerk));
        Assert.Equal(filer.Json.GetProperty("version").GetInt32(), clerk.Json.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task CaseRead_CourtTimePassesAShownDeadline_Not304_ThoughTheCaseIsTheSame()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        // Service has started and settled: the complaint copy waits for the clerk to post it, the fee notice for its report.
        await host.WaitForServiceOfKindAsync(caseId, "complaint-copy", s => s.GetProperty("channel").GetString() == "post");
        await host.WaitForServiceOfKindAsync(caseId, "fee-notice", s => s.GetProperty("attempts").EnumerateArray()
            .Any(a => a.TryGetProperty("providerMessageId", out _)));
        var stored = await host.Store.GetAsync(caseId);
        var dispatch = stored!.Case.ServiceOfProcess!.DispatchDeadline;
        var read = await host.GetAsync($"/api/cases/{caseId}", CourtSteps.Clerk);
        Assert.Contains(Kinds(read), k => k == ServiceOfProcessStage.DispatchDeadline);
        var etag = ETagOf(read);
        AssertNotModified(await GetIfNoneMatchAsync(host, $"/api/cases/{caseId}", CourtSteps.Clerk, etag), etag);

        // Court time passes the dispatch deadline's end; nothing is woken, so the stored case stays as it was.
        host.Clock.SetUtcNow(Domain.Calendar.ChinaTime.EndOfDay(dispatch.LastDay).AddMinutes(1));
        var later = await GetIfNoneMatchAsync(host, $"/api/cases/{caseId}", CourtSteps.Clerk, etag);
        Assert.Equal(200, later.Status);
        Assert.DoesNotContain(Kinds(later), k => k == ServiceOfProcessStage.DispatchDeadline);
        Assert.Equal(stored.Case.Version, (await host.Store.GetAsync(caseId))!.Case.Version);
        Assert.NotEqual(etag, ETagOf(later));
        AssertNotModified(await GetIfNoneMatchAsync(host, $"/api/cases/{caseId}", CourtSteps.Clerk, ETagOf(later)), ETagOf(later));
    }

    private static IEnumerable<string?> Kinds(TestResponse caseView) =>
        caseView.Json.GetProperty("deadlines").EnumerateArray().Select(d => d.GetProperty("kind").GetString());

    [Fact]
    public async Task IfMatch_TheTagAReadOrAWriteGave_Accepted_WeakOrStale412_NothingChanges()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var created = await host.PostJsonAsync("/api/cases", Liu, Filings.Property("user-liu"));
        var caseId = created.Json.GetProperty("caseId").GetString()!;
        var createdTag = ETagOf(created);
        Assert.StartsWith("\"1.", createdTag);
        // Filing a document is not a new version of the case: the tag the filing gave still names it.
        Assert.Equal(201, (await host.UploadAsync(caseId, Liu, Filings.Pdf)).Status);
        var weak = await host.SendAsync("POST", $"/api/cases/{caseId}/submit", Liu, headers: Header("If-Match", "W/" + createdTag));
        Assert.Equal(412, weak.Status);
        Assert.Equal("no-store", weak.Headers.CacheControl.ToString());
        Assert.Equal(Domain.Cases.CaseStatus.Draft, (await host.Store.GetAsync(caseId))!.Case.Status);
        var submitted = await host.SendAsync("POST", $"/api/cases/{caseId}/submit", Liu, headers: Header("If-Match", createdTag));
        Assert.True(submitted.Status == 200, submitted.ToString());
        var submittedTag = ETagOf(submitted);
        Assert.StartsWith($"\"{submitted.Json.GetProperty("version").GetInt32()}.", submittedTag);

        // The clerk's read gives its own tag of the same version; either is accepted, a stale one is not.
        var read = await host.GetAsync($"/api/cases/{caseId}", CourtSteps.Clerk);
        var readTag = ETagOf(read);
        Assert.NotEqual(submittedTag, readTag);
        var corrected = await host.SendAsync("POST", $"/api/cases/{caseId}/review", CourtSteps.Clerk,
            """{"decision":"correct","reasons":["缺少证据"]}"""u8.ToArray(), "application/json", Header("If-Match", readTag));
        Assert.True(corrected.Status == 200, corrected.ToString());
        var stale = await host.SendAsync("POST", $"/api/cases/{caseId}/review", CourtSteps.Clerk,
            """{"decision":"accept"}"""u8.ToArray(), "application/json", Header("If-Match", submittedTag));
        Assert.Equal(412, stale.Status);
        Assert.Equal(Domain.Cases.CaseStatus.CorrectionRequested, (await host.Store.GetAsync(caseId))!.Case.Status);
    }

    [Fact]
    public async Task CaseList_And_Ledger_IfNoneMatch304_UntilTheyChange()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;

        var list = await host.GetAsync("/api/cases", Liu);
        var listTag = ETagOf(list);
        Assert.Equal("private, no-cache", list.Headers.CacheControl.ToString());
        AssertNotModified(await GetIfNoneMatchAsync(host, "/api/cases", Liu, listTag), listTag);
        await host.CreateAsync("user-liu");
        Assert.Equal(200, (await GetIfNoneMatchAsync(host, "/api/cases", Liu, listTag)).Status);

        var ledger = await host.GetAsync($"/api/cases/{caseId}/ledger", Liu);
        var ledgerTag = ETagOf(ledger);
        AssertNotModified(await GetIfNoneMatchAsync(host, $"/api/cases/{caseId}/ledger", Liu, ledgerTag), ledgerTag);
        await host.RaiseCreditAsync(caseId, "ICBC", "20981127-000001", 100m, CourtTestHost.Future);
        var credited = await GetIfNoneMatchAsync(host, $"/api/cases/{caseId}/ledger", Liu, ledgerTag);
        Assert.Equal(200, credited.Status);
        Assert.Single(credited.Json.GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task CacheControl_PublicReadsShortAndShared_PersonalPrivate_ProblemsNotStored()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        foreach (var path in new[]
        {
            "/api/fees/quote?caseType=property&amount=100000", "/api/calendar/deadline?start=2026-11-28&period=7&unit=days",
            "/api/calendars/2026",
        })
        {
            var r = await host.GetAsync(path, null);
            Assert.True(r.Status == 200, r.ToString());
            Assert.Equal("public, max-age=300", r.Headers.CacheControl.ToString());
            var etag = ETagOf(r);
            AssertNotModified(await GetIfNoneMatchAsync(host, path, null, etag), etag);
            // A public route answered to a signed-in caller may be for that caller alone.
            Assert.Equal("private, no-cache", (await host.GetAsync(path, Liu)).Headers.CacheControl.ToString());
        }
        // An unknown certificate's verification is a problem: never stored.
        var unknown = await host.GetAsync("/api/service-certificates/sc" + new string('0', 32) + "/verify", null);
        Assert.Equal(404, unknown.Status);
        Assert.Equal("no-store", unknown.Headers.CacheControl.ToString());
        Assert.True(string.IsNullOrEmpty(unknown.Headers.ETag));
        var invalid = await host.GetAsync("/api/fees/quote?caseType=nonsense", null);
        Assert.Equal(400, invalid.Status);
        Assert.Equal("no-store", invalid.Headers.CacheControl.ToString());
        var anonymous = await host.GetAsync("/api/cases", null);
        Assert.Equal(401, anonymous.Status);
        Assert.Equal("no-store", anonymous.Headers.CacheControl.ToString());
        // Personal data: every read of the caller's own things is private and revalidated.
        var inbox = await host.GetAsync("/api/inbox", Liu);
        Assert.Equal(200, inbox.Status);
        Assert.Equal("private, no-cache", inbox.Headers.CacheControl.ToString());
    }
}
