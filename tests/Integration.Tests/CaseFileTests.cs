using ECourt.Domain.Access;

namespace ECourt.Integration.Tests;

/// <summary>
/// Online case-file review: each caller's index holds what it may see, with download links; every view and download is in
/// the case's access log, which the case's team reads and the parties do not.
/// </summary>
public class CaseFileTests
{
    private const string Liu = "user-liu";
    private static readonly string LiuParty = CourtTestHost.Principal(Liu, Roles.Party);

    [Fact]
    public async Task FileIndex_WhatTheCallerMaySee_EveryViewAndDownloadLogged_LogForTheCaseTeamOnly()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = (await host.RegisteredAsync(Liu)).GetProperty("caseId").GetString()!;

        var index = await host.GetAsync($"/api/cases/{caseId}/file", LiuParty);
        Assert.Equal(200, index.Status);
        var items = index.Json.GetProperty("items").EnumerateArray().ToList();
        var complaint = items.Single(i => i.GetProperty("document").GetProperty("kind").GetString() == "complaint");
        var link = complaint.GetProperty("download").GetString()!;
        var documentId = complaint.GetProperty("document").GetProperty("documentId").GetString()!;
        Assert.Equal($"/api/cases/{caseId}/documents/{documentId}", link);
        Assert.Equal(200, (await host.GetAsync(link, LiuParty)).Status);
        // The court's view holds at least what the plaintiff's does.
        var clerkIndex = await host.GetAsync($"/api/cases/{caseId}/file", CourtSteps.Clerk);
        Assert.True(clerkIndex.Json.GetProperty("items").GetArrayLength() >= items.Count);

        Assert.Equal(403, (await host.GetAsync($"/api/cases/{caseId}/access-log", LiuParty)).Status);
        Assert.Equal(404, (await host.GetAsync($"/api/cases/{caseId}/file", CourtTestHost.Principal("stranger", Roles.Party))).Status);
        var log = await host.GetAsync($"/api/cases/{caseId}/access-log", CourtSteps.Judge);
        Assert.Equal(200, log.Status);
        var entries = log.Json.GetProperty("items").EnumerateArray()
            .Select(e => (e.GetProperty("userId").GetString(), e.GetProperty("role").GetString(), e.GetProperty("what").GetString(),
                e.TryGetProperty("documentId", out var d) ? d.GetString() : null)).ToList();
        Assert.Equal([(Liu, "party", "file-index", null), (Liu, "party", "download", documentId), ("clerk-wang", "clerk", "file-index",
            null)],
            entries);
    }
}
