using Azure;
using ECourt.Adapters.Communication;
using ECourt.Adapters.Storage;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Fees;
using ECourt.Domain.Parties;
using ECourt.Domain.ServiceOfProcess;
using ECourt.Functions.Messaging;
using ECourt.Orchestrations.ServiceOfProcess;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// The one commit path and the one messaging port: a stale If-Match is refused on every try, and work that cannot be started is retried.
/// </summary>
public class CommitPathTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-26T10:00:00+08:00");

    /// <summary>Once armed, commits another change to the case just before the next commit, as a concurrent request would.</summary>
    private sealed class InterleavingStore(ICaseStore inner) : ICaseStore
    {
        public bool Armed { get; set; }

        public Task<StoredCase?> GetAsync(string caseId, CancellationToken ct = default) => inner.GetAsync(caseId, ct);

        public Task<CaseFile?> GetFileAsync(string caseId, CancellationToken ct = default) => inner.GetFileAsync(caseId, ct);

        public Task<StoredRow<T>?> GetRowAsync<T>(string caseId, CaseRowKind<T> kind, string id, CancellationToken ct = default)
            where T : class =>
            inner.GetRowAsync(caseId, kind, id, ct);

        public Task<IReadOnlyList<T>> ListRowsAsync<T>(string caseId, CaseRowKind<T> kind, CancellationToken ct = default)
            where T : class =>
            inner.ListRowsAsync(caseId, kind, ct);

        public async Task<CommitResult> CommitAsync(CaseChange change, string? snapshotETag, CancellationToken ct = default)
        {
            if (Armed)
            {
                Armed = false;
                var current = (await inner.GetAsync(change.CaseId, ct))!;
                var other = current.Case.Record("Note", new Actor("clerk-wang", "clerk"), At, "a concurrent change",
                    c => c with { Facts = "另一请求的修改" });
                Assert.Equal(CommitOutcome.Committed, (await inner.CommitAsync(CaseChange.Of(other), current.ETag, ct)).Outcome);
            }
            return await inner.CommitAsync(change, snapshotETag, ct);
        }
    }

    private static async Task<(InterleavingStore Store, StoredCase Created)> CaseAsync()
    {
        var tables = new TableCaseStore(await Azurite.NewStorageAsync());
        Party P(int n, PartyRole role, string? user) => new(n, role, PartyKind.Person, "张三", IdentityDocumentType.ResidentId,
            "11010519491231002X", null, null, null, null, user, false, null, [], []);
        var (draft, created) = CourtCase.Draft(CaseId.FromRandom(Guid.NewGuid().ToByteArray()), "黑01", FeeCaseType.Property,
            Procedure.Ordinary, "民间借贷纠纷", 100_000m, "请求", "事实",
            [P(1, PartyRole.Plaintiff, "u1"), P(2, PartyRole.Defendant, null)], new Actor("u1", "party"), "fp", At);
        return (new InterleavingStore(tables), (await new CaseChanges(tables).CreateAsync(draft, [created]))!);
    }

    private static CaseChange? Claim(CourtCase c) =>
        CaseChange.Of(c.Record("Note", new Actor("u1", "party"), At, "the caller's change", x => x with { Claims = "变更后的请求" }));

    [Fact]
    public async Task IfMatch_StaleOnlyAtTheRetry_Refused412_NothingOfTheCallersApplied()
    {
        var (store, created) = await CaseAsync();
        store.Armed = true;
        // The caller read version 1 and sends the tag its answer had; the first try conflicts with the concurrent change.
        var read = CaseVersionTag.Of(created.Case.Version, "digest-of-what-it-read");
        await Assert.ThrowsAsync<StaleCaseException>(() =>
            new CaseChanges(store).ApplyAsync(created.Case.CaseId, Claim, ifMatch: read));
        var file = (await store.GetFileAsync(created.Case.CaseId))!;
        Assert.Equal("另一请求的修改", file.Case.Facts);
        Assert.Equal("请求", file.Case.Claims);
        Assert.Equal(2, file.Events.Count);
    }

    [Fact]
    public async Task WithoutIfMatch_AConflictIsDecidedAgain_OnTheNewerVersion()
    {
        var (store, created) = await CaseAsync();
        store.Armed = true;
        var applied = await new CaseChanges(store).ApplyAsync(created.Case.CaseId, Claim);
        Assert.Equal(3, applied.Case.Version);
        var file = (await store.GetFileAsync(created.Case.CaseId))!;
        Assert.Equal(("另一请求的修改", "变更后的请求"), (file.Case.Facts, file.Case.Claims));
        Assert.Equal(applied.ETag, file.ETag);
    }

    [Fact]
    public async Task QueuedMessaging_QueueFails_Throws()
    {
        var storage = new StorageClients(
            new StorageOptions { ConnectionString = Azurite.ConnectionString, NamePrefix = Azurite.NewPrefix() });
        // Its queue was never created: the send fails, and the failure reaches the caller to be retried.
        var failure = await Assert.ThrowsAsync<RequestFailedException>(() =>
            new QueuedDurableMessaging(storage).SendAsync(
                new StartServiceWorkflow(CaseId.FromRandom(Guid.NewGuid().ToByteArray()), "doc1-p1")));
        Assert.Equal(404, failure.Status);
    }

    /// <summary>Fails the first start of a service workflow, as a storage queue or the durable engine briefly down would.</summary>
    private sealed class FailingFirstStart(IDurableMessaging inner) : IDurableMessaging
    {
        private int _failures;

        public int Failures => _failures;

        public Task SendAsync(DurableMessage message, CancellationToken ct = default) =>
            message is StartServiceWorkflow && Interlocked.Increment(ref _failures) == 1
                ? throw new RequestFailedException(503, "The queue is unavailable.")
                : inner.SendAsync(message, ct);
    }

    [Fact]
    public async Task WorkflowStartFails_AtRegistration_StartIsRetried_FeeNoticeServedOnce()
    {
        FailingFirstStart? failing = null;
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future,
            services => services.AddSingleton<IDurableMessaging>(sp =>
                failing = new FailingFirstStart(
                    ActivatorUtilities.CreateInstance<ClientDurableMessaging>(sp, sp.GetRequiredService<DurableTaskClient>()))));
        var caseId = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        // The lifecycle keeps the start of service (retrying it) before it shows what it waits for next: once it waits in
        // AwaitingFee with the start no longer due, no start is in flight any more.
        await host.WaitForCustomStatusAsync(caseId, s => s.Status == nameof(CaseStatus.AwaitingFee)
            && s.NextDeadline != ServiceOfProcessStage.DispatchDeadline);
        Assert.True(failing!.Failures >= 2, "the start failed once and was sent again");
        Assert.NotNull((await host.Store.GetAsync(caseId))!.Case.ServiceOfProcess);
        // The sentinel: the notice's workflow runs to its end (delivered, served, certified). A second start or a second
        // send of the same notice would have put a second SMS in the outbox before that.
        await host.FeeNoticeServedAsync(caseId);
        var workflow = ServiceWorkflow.InstanceId(caseId, ServiceRecord.IdFor(FeeNoticeDocument.IdFor(caseId), 1));
        using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
            Assert.Equal(OrchestrationRuntimeStatus.Completed,
                (await host.Client.WaitForInstanceCompletionAsync(workflow, false, patience.Token)).RuntimeStatus);
        var outbox = (LocalSmsOutbox)host.Services.GetRequiredService<ISmsGateway>();
        Assert.Single(await outbox.ListAsync(100, default), m => m.Text.Contains("缴费通知书"));
    }

    [Fact]
    public async Task Accept_WithIfMatch_CaseChangedBeforeTheRegistrationCommits_Refused412_NotRegistered()
    {
        InterleavingStore? store = null;
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future, services => services.AddSingleton<ICaseStore>(sp =>
            store = new InterleavingStore(new TableCaseStore(sp.GetRequiredService<StorageClients>()))));
        var caseId = await host.SubmittedAsync("user-liu");
        var etag = (await host.GetAsync($"/api/cases/{caseId}", CourtSteps.Clerk)).Headers.ETag.ToString();
        // The clerk's version passes the access check; another change commits just before the registration does.
        store!.Armed = true;
        var accepted = await host.SendAsync("POST", $"/api/cases/{caseId}/review", CourtSteps.Clerk,
            """{"decision":"accept"}"""u8.ToArray(), "application/json", new Dictionary<string, string> { ["If-Match"] = etag });
        Assert.Equal(412, accepted.Status);
        var c = (await host.Store.GetAsync(caseId))!.Case;
        Assert.Equal((CaseStatus.Submitted, null, "另一请求的修改"), (c.Status, c.CaseNumber, c.Facts));
    }

    /// <summary>
    /// Records, in one request's own flow (an async-local log, so not the reads its lifecycle or workflows make on their own),
    /// every read of a case's snapshot or file, and which of them gave a version the request already had: one it read before
    /// or one it committed itself. A read that a concurrent change made necessary gives a newer version and is not counted.
    /// </summary>
    private sealed class RequestReads(ICaseStore inner) : DelegatingCaseStore(inner)
    {
        private sealed class Log
        {
            public readonly HashSet<string> Known = [];
            public int Reads;
            public int Again;
        }

        private static readonly AsyncLocal<Log?> Current = new();

        /// <returns>the answer, the reads, and the reads of a version the request already had</returns>
        public static async Task<(TestResponse Response, int Reads, int Again)> OfAsync(Func<Task<TestResponse>> request)
        {
            var log = new Log();
            Current.Value = log;
            try
            {
                var response = await request();
                lock (log) return (response, log.Reads, log.Again);
            }
            finally
            {
                Current.Value = null;
            }
        }

        private static void Read(string? etag)
        {
            if (Current.Value is not { } log || etag is null) return;
            lock (log)
            {
                log.Reads++;
                if (!log.Known.Add(etag)) log.Again++;
            }
        }

        public override async Task<StoredCase?> GetAsync(string caseId, CancellationToken ct = default)
        {
            var stored = await base.GetAsync(caseId, ct);
            Read(stored?.ETag);
            return stored;
        }

        public override async Task<CaseFile?> GetFileAsync(string caseId, CancellationToken ct = default)
        {
            var file = await base.GetFileAsync(caseId, ct);
            Read(file?.ETag);
            return file;
        }

        public override async Task<CommitResult> CommitAsync(CaseChange change, string? snapshotETag, CancellationToken ct = default)
        {
            var result = await base.CommitAsync(change, snapshotETag, ct);
            if (Current.Value is { } log && result.SnapshotETag is { } written)
                lock (log) log.Known.Add(written);
            return result;
        }
    }

    private static Task<CourtTestHost> CountingReadsAsync() => CourtTestHost.StartAsync(CourtTestHost.Future,
        services => services.AddSingleton<ICaseStore>(sp => new RequestReads(new TableCaseStore(sp.GetRequiredService<StorageClients>()))));

    private static async Task AssertReadOnceAsync(string what, int status, Func<Task<TestResponse>> request)
    {
        var (response, reads, again) = await RequestReads.OfAsync(request);
        Assert.True(response.Status == status, $"{what}: {response}");
        Assert.True(reads >= 1, $"{what} did not read the case through the store.");
        Assert.True(again == 0, $"{what} read a version of the case it already had {again} times (of {reads} reads); "
            + "the access check's read is the use case's, and a commit's result is the case after it.");
    }

    [Fact]
    public async Task FilingAndReview_EachRequestReadsItsCaseOnce()
    {
        await using var host = await CountingReadsAsync();
        var liu = CourtTestHost.Principal("user-liu", "party");
        var caseId = await host.CreateAsync("user-liu");
        await AssertReadOnceAsync("upload", 201, () => host.UploadAsync(caseId, liu, Filings.Pdf));
        await AssertReadOnceAsync("submit", 200, () => host.SendAsync("POST", $"/api/cases/{caseId}/submit", liu));
        await AssertReadOnceAsync("correct", 200, () => host.ReviewAsync(caseId, "correct", "缺少证据"));
        await AssertReadOnceAsync("corrections", 200, () => host.PostJsonAsync($"/api/cases/{caseId}/corrections", liu,
            new { facts = "补充的事实" }));
        // Accepting registers the case: its number, account and fee notice, committed against the version the access check read.
        await AssertReadOnceAsync("accept", 200, () => host.ReviewAsync(caseId, "accept"));
        Assert.Equal(CaseStatus.AwaitingFee, (await host.Store.GetAsync(caseId))!.Case.Status);
    }

    [Fact]
    public async Task FeeAid_EachRequestReadsItsCaseOnce()
    {
        await using var host = await CountingReadsAsync();
        var caseId = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        await AssertReadOnceAsync("apply for fee aid", 200, () => host.PostJsonAsync($"/api/cases/{caseId}/fee-aid",
            CourtTestHost.Principal("user-liu", "party"), new { kind = "waive", reasons = new[] { "领取最低生活保障金" } }));
        // The decision is served in the same request: its document and the record that it was sent follow the decision's commit.
        await AssertReadOnceAsync("decide fee aid", 200, () => host.PostJsonAsync($"/api/cases/{caseId}/fee-aid/decision",
            CourtSteps.Judge, new { decision = "grant" }));
        var decided = (await host.Store.GetAsync(caseId))!.Case;
        Assert.Equal(CaseStatus.Accepted, decided.Status);
        Assert.True(decided.HasDocumentOfKind(DocumentKind.FeeAidDecision));
        Assert.False(decided.FeeAid!.Decision!.ToSend);
    }
}
