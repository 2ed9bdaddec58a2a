using ECourt.Adapters.Storage;
using ECourt.Application.Cases;
using ECourt.Domain.Cases;
using ECourt.Domain.Filing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// A submitted case always has its lifecycle keeping the 7-day review deadline (CPL art. 126), whatever point of the
/// submit a crash hits, and without the filer trying again.
/// </summary>
public class SubmitCrashTests
{
    private const string Liu = "user-liu";

    private enum Crash { None, BeforeTheCommit, AfterTheCommit }

    /// <summary>Makes the submit's commit fail once, either before it is written or after it is written.</summary>
    private sealed class CrashingSubmitStore(ICaseStore inner) : DelegatingCaseStore(inner)
    {
        public Crash Next { get; set; }

        public override async Task<CommitResult> CommitAsync(CaseChange change, string? snapshotETag, CancellationToken ct = default)
        {
            var crash = change.Events.Any(e => e.Action == FilingActions.SubmitFiling.Name) ? Next : Crash.None;
            if (crash != Crash.None) Next = Crash.None;
            if (crash == Crash.BeforeTheCommit) throw new IOException("The host stopped before the submission was written.");
            var result = await base.CommitAsync(change, snapshotETag, ct);
            if (crash == Crash.AfterTheCommit) throw new IOException("The host stopped right after the submission was written.");
            return result;
        }
    }

    private static async Task<(CourtTestHost Host, CrashingSubmitStore Store)> StartAsync()
    {
        var host = await CourtTestHost.StartAsync(CourtTestHost.Future,
            services => services.AddSingleton<ICaseStore>(sp =>
                new CrashingSubmitStore(new TableCaseStore(sp.GetRequiredService<StorageClients>()))));
        return (host, (CrashingSubmitStore)host.Store);
    }

    private static async Task<string> DraftWithComplaintAsync(CourtTestHost host)
    {
        var caseId = await host.CreateAsync(Liu);
        Assert.Equal(201, (await host.UploadAsync(caseId, CourtTestHost.Principal(Liu, "party"), Filings.Pdf)).Status);
        return caseId;
    }

    private static async Task<int> SubmitAsync(CourtTestHost host, string caseId)
    {
        try
        {
            return (await host.SendAsync("POST", $"/api/cases/{caseId}/submit", CourtTestHost.Principal(Liu, "party"))).Status;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    [Fact]
    public async Task HostDiesRightAfterTheSubmitCommits_ReviewDeadlineStillKept_WithoutTheFilerTryingAgain()
    {
        var (host, store) = await StartAsync();
        await using var _ = host;
        var caseId = await DraftWithComplaintAsync(host);

        store.Next = Crash.AfterTheCommit;
        Assert.NotEqual(200, await SubmitAsync(host, caseId));
        Assert.Equal(CaseStatus.Submitted, (await host.Store.GetAsync(caseId))!.Case.Status);

        var waiting = await host.WaitForCustomStatusAsync(caseId, s => s.NextDeadline == FilingStage.ReviewDeadline);
        Assert.Equal((await host.Store.GetAsync(caseId))!.Case.Review!.Deadline.EndsAt, waiting.NextDeadlineAt);
        Assert.Single((await host.GetAsync("/api/review-queue", CourtSteps.Clerk)).Json.GetProperty("items").EnumerateArray(),
            i => i.GetProperty("caseId").GetString() == caseId);

        await host.PassDeadlineAsync(caseId, FilingStage.ReviewDeadline);
        await host.WaitForStatusAsync(caseId, CaseStatus.AwaitingFee);
        Assert.Contains((await host.Store.GetFileAsync(caseId))!.Events, e => e.Action == FilingActions.RegisterOnReviewDeadline.Name);
    }

    [Fact]
    public async Task HostDiesBeforeTheSubmitCommits_CaseStaysADraft_ItsLifecycleKeepsNothingAndEnds_SubmitAgainWorks()
    {
        var (host, store) = await StartAsync();
        await using var _ = host;
        var caseId = await DraftWithComplaintAsync(host);

        store.Next = Crash.BeforeTheCommit;
        Assert.NotEqual(200, await SubmitAsync(host, caseId));
        Assert.Equal(CaseStatus.Draft, (await host.Store.GetAsync(caseId))!.Case.Status);
        Assert.DoesNotContain((await host.GetAsync("/api/review-queue", CourtSteps.Clerk)).Json.GetProperty("items").EnumerateArray(),
            i => i.GetProperty("caseId").GetString() == caseId);

        // The review deadline the failed submit would have started passes: nothing is registered, and the lifecycle ends.
        await host.MoveClockAsync(CourtTestHost.Future.AddDays(10));
        var ended = await host.WaitForOrchestrationEndAsync(caseId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, ended.RuntimeStatus);
        Assert.Equal(CaseStatus.Draft, (await host.Store.GetAsync(caseId))!.Case.Status);

        Assert.Equal(200, await SubmitAsync(host, caseId));
        var waiting = await host.WaitForCustomStatusAsync(caseId,
            s => s.NextDeadline == FilingStage.ReviewDeadline && s.Status == "Submitted");
        Assert.Equal((await host.Store.GetAsync(caseId))!.Case.Review!.Deadline.EndsAt, waiting.NextDeadlineAt);
    }
}
