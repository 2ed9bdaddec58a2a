using System.Text.Json;
using ECourt.Adapters.Storage;
using ECourt.Application.Cases;
using ECourt.Application.Numbering;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Cases;
using ECourt.Domain.Fees;
using ECourt.Domain.Filing;
using ECourt.Domain.Numbering;
using ECourt.Domain.ServiceOfProcess;
using ECourt.Functions.Messaging;
using ECourt.Orchestrations.Cases;
using ECourt.Orchestrations.ServiceOfProcess;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// A case's lifecycle never dies while the case is open: a round that keeps failing is waited out and tried again, a
/// stall shows on the case and to operators, a signal for a case whose lifecycle ended starts a new one, the sweep
/// restarts a lifecycle that is missing when a deadline passes, and a relay message that keeps failing is re-driven.
/// The same holds for a service's workflow, which carries a case's fee notice to its period.
/// </summary>
public class LifecycleLivenessTests
{
    private const string Liu = "user-liu";
    private static readonly string Admin = CourtTestHost.Staff("admin-qian", "admin");

    /// <summary>Short retries and back-off, so that rounds fail and recover in seconds instead of minutes.</summary>
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["ECourt:Lifecycle:ActivityRetryFirst"] = "00:00:00.100",
        ["ECourt:Lifecycle:ActivityRetryAttempts"] = "2",
        ["ECourt:Lifecycle:StallBackoffFirst"] = "00:00:01",
        ["ECourt:Lifecycle:StallBackoffMax"] = "00:00:02",
    };

    /// <summary>The case table as a storage outage leaves it: every call fails while it is down.</summary>
    private sealed class OutageStore(ICaseStore inner) : DelegatingCaseStore(inner)
    {
        public volatile bool Down;

        public override Task<StoredCase?> GetAsync(string caseId, CancellationToken ct = default) =>
            Down ? throw new IOException("Storage is unreachable.") : base.GetAsync(caseId, ct);

        public override Task<CommitResult> CommitAsync(CaseChange change, string? snapshotETag, CancellationToken ct = default) =>
            Down ? throw new IOException("Storage is unreachable.") : base.CommitAsync(change, snapshotETag, ct);
    }

    /// <summary>The court's case numbers, failing while told to (a stage's handler failing, not storage).</summary>
    private sealed class FailingNumbers(ICaseNumberRegistry inner) : ICaseNumberRegistry
    {
        public volatile bool Failing;

        public Task<CaseNumber> AllocateAsync(string court, int year, string typeCode, string caseId, CancellationToken ct = default) =>
            Failing ? throw new InvalidOperationException("The case number registry is unavailable.") : inner.AllocateAsync(court, year,
                typeCode, caseId, ct);
    }

    /// <summary>The court's signed certificates, failing while told to (the blob store down).</summary>
    private sealed class FailingCertificates(ICertificateStore inner) : ICertificateStore
    {
        public volatile bool Failing;

        public Task<SignedServiceCertificate> PutAsync(SignedServiceCertificate certificate, CancellationToken ct = default) =>
            Failing ? throw new IOException("The certificate store is unreachable.") : inner.PutAsync(certificate, ct);

        public Task<SignedServiceCertificate?> GetAsync(string certificateId, CancellationToken ct = default) =>
            inner.GetAsync(certificateId, ct);
    }

    /// <summary>The case table with its snapshots unreadable while told to (rows of the case still read and written).</summary>
    private sealed class UnreadableSnapshots(ICaseStore inner) : DelegatingCaseStore(inner)
    {
        public volatile bool Unreadable;

        public override Task<StoredCase?> GetAsync(string caseId, CancellationToken ct = default) =>
            Unreadable ? throw new IOException("Storage is unreachable.") : base.GetAsync(caseId, ct);
    }

    private static string FeeNoticeService(string caseId) => ServiceRecord.IdFor(FeeNoticeDocument.IdFor(caseId), 1);

    private static bool SmsSent(System.Text.Json.JsonElement s) => s.GetProperty("attempts").EnumerateArray()
        .Any(a => a.TryGetProperty("providerMessageId", out var m) && m.GetString() is not null);

    [Fact]
    public async Task StorageDown_LongerThanTheActivityRetries_ThenBack_TheReviewDeadlineIsStillKept()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future,
            services => services.AddSingleton<ICaseStore>(sp =>
                new OutageStore(new TableCaseStore(sp.GetRequiredService<StorageClients>()))),
            FastRetries);
        var store = (OutageStore)host.Store;
        var caseId = await host.SubmittedAsync(Liu);
        var review = (await host.WaitForCustomStatusAsync(caseId, s => s.NextDeadline == "filing-review")).NextDeadlineAt!.Value;

        store.Down = true;
        await host.MoveClockAsync(review);
        // Two rounds fail after their retries, each waited out; the instance lives on.
        await host.WaitForCustomStatusAsync(caseId, s => s.FailedRounds >= 2);
        Assert.Equal(OrchestrationRuntimeStatus.Running,
            (await host.Client.GetInstanceAsync(CaseLifecycle.InstanceId(caseId)))!.RuntimeStatus);

        store.Down = false;
        var registered = await host.WaitForStatusAsync(caseId, CaseStatus.AwaitingFee);
        Assert.True(registered.Review!.RegisteredOnDeadline);
        await host.WaitForLifecycleWaitingAsync(caseId, CaseStatus.AwaitingFee);
    }

    [Fact]
    public async Task HandlerFails_TheStallShowsOnTheCaseAndToOperators_UntilARoundSucceeds()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future,
            services => services.AddSingleton<ICaseNumberRegistry>(sp =>
                new FailingNumbers(new TableCaseNumberRegistry(sp.GetRequiredService<StorageClients>()))),
            FastRetries);
        var numbers = (FailingNumbers)host.Services.GetRequiredService<ICaseNumberRegistry>();
        var caseId = await host.SubmittedAsync(Liu);
        var review = (await host.WaitForCustomStatusAsync(caseId, s => s.NextDeadline == "filing-review")).NextDeadlineAt!.Value;

        numbers.Failing = true;
        await host.MoveClockAsync(review);
        await host.WaitForCustomStatusAsync(caseId, s => s.FailedRounds >= 1);
        var view = await WaitForAsync(() => host.GetAsync($"/api/cases/{caseId}", CourtSteps.Clerk),
            r => r.Json.TryGetProperty("lifecycle", out _));
        Assert.True(view.Json.GetProperty("lifecycle").GetProperty("failedRounds").GetInt32() >= 1);
        Assert.Equal(review, view.Json.GetProperty("lifecycle").GetProperty("stalledSince").GetDateTimeOffset());
        var problems = await host.GetAsync("/api/operations/lifecycles", Admin);
        Assert.Equal(200, problems.Status);
        var stalled = Assert.Single(problems.Json.GetProperty("items").EnumerateArray(), i =>
            i.GetProperty("caseId").GetString() == caseId);
        Assert.Equal("stalled", stalled.GetProperty("state").GetString());
        Assert.Contains("case number registry is unavailable", stalled.GetProperty("lastError").GetString());
        // Only administrators of the court see it.
        Assert.Equal(403, (await host.GetAsync("/api/operations/lifecycles", CourtSteps.Clerk)).Status);

        numbers.Failing = false;
        await host.WaitForStatusAsync(caseId, CaseStatus.AwaitingFee);
        await WaitForAsync(() => host.GetAsync($"/api/cases/{caseId}", CourtSteps.Clerk), r => !r.Json.TryGetProperty("lifecycle", out _));
        Assert.DoesNotContain((await host.GetAsync("/api/operations/lifecycles", Admin)).Json.GetProperty("items").EnumerateArray(),
            i => i.GetProperty("caseId").GetString() == caseId);
    }

    [Fact]
    public async Task LifecycleEnded_ACaseChangeGivesANewDeadline_ItsSignalStartsANewLifecycleThatKeepsIt()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.SubmittedAsync(Liu);
        await host.WaitForCustomStatusAsync(caseId, s => s.NextDeadline == "filing-review");
        // The lifecycle is gone (terminated here; failed or completed by an older release alike).
        await host.Client.TerminateInstanceAsync(CaseLifecycle.InstanceId(caseId));
        await host.Client.WaitForInstanceCompletionAsync(CaseLifecycle.InstanceId(caseId));

        // The clerk's correction notice gives the case its cure deadline and signals the case.
        Assert.Equal(200, (await host.ReviewAsync(caseId, "correct", "缺少借条复印件")).Status);
        var waiting = await host.WaitForLifecycleWaitingAsync(caseId, CaseStatus.CorrectionRequested);
        Assert.Equal("correction-cure", waiting.NextDeadline);
        await host.PassDeadlineAsync(caseId, "correction-cure");
        await host.WaitForStatusAsync(caseId, CaseStatus.Returned);
    }

    [Fact]
    public async Task LifecycleMissing_WhenTheReviewDeadlinePasses_TheSweepRestartsIt_AndRemovesStaleIndexRows()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.SubmittedAsync(Liu);
        var review = (await host.WaitForCustomStatusAsync(caseId, s => s.NextDeadline == "filing-review")).NextDeadlineAt!.Value;
        await host.Client.TerminateInstanceAsync(CaseLifecycle.InstanceId(caseId));
        await host.Client.WaitForInstanceCompletionAsync(CaseLifecycle.InstanceId(caseId));
        // A row a crash left between the index write and the commit: a deadline the case does not have.
        var index = host.Services.GetRequiredService<IDeadlineIndex>();
        var stale = new IndexedDeadline(caseId, "黑01", "filing-review", review.AddHours(-1));
        await index.AddAsync(stale);

        var sweep = ActivatorUtilities.CreateInstance<LifecycleSweepFunction>(host.Services);
        // Before the deadline's grace has passed nothing is restarted (a lifecycle may be about to keep it); the stale row goes.
        await host.MoveClockAsync(review);
        var early = await sweep.RunAsync(host.Client, default);
        Assert.DoesNotContain(caseId, early.Restarted);
        Assert.Equal(1, early.Removed);
        Assert.Equal(CaseStatus.Submitted, (await host.Store.GetAsync(caseId))!.Case.Status);

        await host.MoveClockAsync(review.AddMinutes(11));
        var result = await sweep.RunAsync(host.Client, default);
        Assert.Contains(caseId, result.Restarted);
        await host.WaitForStatusAsync(caseId, CaseStatus.AwaitingFee);
        // Registered: the review deadline's row goes with the change that kept it (removed just after that change's commit).
        await CourtSteps.WaitUntilAsync(() => index.DueAsync(review.AddDays(1), 100),
            due => !due.Any(d => d.CaseId == caseId && d.KeepAt <= review), "the review deadline's index row removed");
    }

    [Fact]
    public async Task ServiceWorkflow_CertificateStoreDown_LongerThanItsRetries_ThenBack_TheFeeNoticeIsServedAndItsPeriodRuns()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future,
            services => services.AddSingleton<ICertificateStore>(sp =>
                new FailingCertificates(new BlobCertificateStore(sp.GetRequiredService<StorageClients>()))),
            FastRetries);
        var certificates = (FailingCertificates)host.Services.GetRequiredService<ICertificateStore>();
        var caseId = (await host.RegisteredAsync(Liu)).GetProperty("caseId").GetString()!;
        var serviceId = FeeNoticeService(caseId);

        certificates.Failing = true;
        await host.SmsDeliveredAsync(caseId, "fee-notice", host.Clock.GetUtcNow());
        // Issuing the certificate fails after its retries, round after round; the workflow lives on and operators see the stall.
        var problems = await WaitForAsync(() => host.GetAsync("/api/operations/lifecycles", Admin), r => r.Json.GetProperty("items")
            .EnumerateArray().Any(i => i.TryGetProperty("serviceId", out var s) && s.GetString() == serviceId
                && i.GetProperty("failedRounds").GetInt32() >= 2));
        var stalled = problems.Json.GetProperty("items").EnumerateArray().Single(i => i.TryGetProperty("serviceId", out var s)
            && s.GetString() == serviceId);
        Assert.Equal(caseId, stalled.GetProperty("caseId").GetString());
        Assert.Equal("stalled", stalled.GetProperty("state").GetString());
        Assert.Contains("certificate store is unreachable", stalled.GetProperty("lastError").GetString());
        Assert.Equal(OrchestrationRuntimeStatus.Running,
            (await host.Client.GetInstanceAsync(ServiceWorkflow.InstanceId(caseId, serviceId)))!.RuntimeStatus);

        certificates.Failing = false;
        var due = await host.WaitForCaseAsync(caseId, f => f.Case.FeeNotice!.DueDate is not null, "a fee due date");
        Assert.NotNull(due.Case.FeeNotice!.ServedOn);
        await WaitForAsync(() => host.GetAsync("/api/operations/lifecycles", Admin), r => !r.Json.GetProperty("items").EnumerateArray()
            .Any(i => i.TryGetProperty("serviceId", out var s) && s.GetString() == serviceId));
    }

    [Fact]
    public async Task ServiceWorkflowEnded_ItsRecordChanges_TheSignalStartsANewWorkflowThatCompletesTheService()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = (await host.RegisteredAsync(Liu)).GetProperty("caseId").GetString()!;
        var instanceId = ServiceWorkflow.InstanceId(caseId, FeeNoticeService(caseId));
        await host.WaitForServiceOfKindAsync(caseId, "fee-notice", SmsSent);
        // The workflow is gone (terminated here; failed after its retries by an older release alike).
        await host.Client.TerminateInstanceAsync(instanceId);
        await host.Client.WaitForInstanceCompletionAsync(instanceId);

        // The delivery report changes the record and signals its workflow: a new one completes the service.
        await host.SmsDeliveredAsync(caseId, "fee-notice", host.Clock.GetUtcNow());
        var due = await host.WaitForCaseAsync(caseId, f => f.Case.FeeNotice!.DueDate is not null, "a fee due date");
        Assert.NotNull(due.Case.FeeNotice!.ServedOn);
    }

    [Fact]
    public async Task ServiceWorkflowEnded_WhileItsRecordIsInProgress_TheSweepRestartsIt()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = (await host.RegisteredAsync(Liu)).GetProperty("caseId").GetString()!;
        var instanceId = ServiceWorkflow.InstanceId(caseId, FeeNoticeService(caseId));
        await host.WaitForServiceOfKindAsync(caseId, "fee-notice", SmsSent);
        await host.Client.TerminateInstanceAsync(instanceId);
        await host.Client.WaitForInstanceCompletionAsync(instanceId);

        host.Clock.SetUtcNow(CourtTestHost.Future.AddMinutes(11));
        var sweep = ActivatorUtilities.CreateInstance<LifecycleSweepFunction>(host.Services);
        await sweep.RunAsync(host.Client, default);
        Assert.True((await host.Client.GetInstanceAsync(instanceId))!.RuntimeStatus
            is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending);

        // The restarted workflow waits for the notice's evidence, and completes the service when it comes.
        await host.SmsDeliveredAsync(caseId, "fee-notice", host.Clock.GetUtcNow());
        await host.WaitForCaseAsync(caseId, f => f.Case.FeeNotice!.DueDate is not null, "a fee due date");
    }

    [Fact]
    public async Task Sweep_RunningLifecyclesFillAPageOfDueRows_AMissingLifecycleAfterThemIsStillRestarted()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future, settings: new Dictionary<string, string?>
        {
            ["ECourt:Lifecycle:SweepPageSize"] = "2",
        });
        // Two cases whose review deadline passes with their lifecycles running (stalled, or about to keep it)...
        var first = await host.SubmittedAsync(Liu);
        var second = await host.SubmittedAsync(Liu);
        await host.WaitForCustomStatusAsync(first, s => s.NextDeadline == "filing-review");
        await host.WaitForCustomStatusAsync(second, s => s.NextDeadline == "filing-review");
        // ...and one filed a day later, whose lifecycle is gone.
        host.Clock.SetUtcNow(CourtTestHost.Future.AddDays(1));
        var missing = await host.SubmittedAsync(Liu);
        var review = (await host.WaitForCustomStatusAsync(missing, s => s.NextDeadline == "filing-review")).NextDeadlineAt!.Value;
        await host.Client.TerminateInstanceAsync(CaseLifecycle.InstanceId(missing));
        await host.Client.WaitForInstanceCompletionAsync(CaseLifecycle.InstanceId(missing));

        host.Clock.SetUtcNow(review.AddMinutes(11));
        var sweep = ActivatorUtilities.CreateInstance<LifecycleSweepFunction>(host.Services);
        var result = await sweep.RunAsync(host.Client, default);
        Assert.Equal(new[] { missing }, result.Restarted);
        await host.WaitForStatusAsync(missing, CaseStatus.AwaitingFee);
    }

    [Fact]
    public async Task OperatorsList_OtherCourtsOlderDueRowsFirst_StillShowsThisCourtsEndedLifecycle()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.SubmittedAsync(Liu);
        var review = (await host.WaitForCustomStatusAsync(caseId, s => s.NextDeadline == "filing-review")).NextDeadlineAt!.Value;
        await host.Client.TerminateInstanceAsync(CaseLifecycle.InstanceId(caseId));
        await host.Client.WaitForInstanceCompletionAsync(CaseLifecycle.InstanceId(caseId));
        // Another court's deadlines passed earlier, more of them than the list shows.
        var index = host.Services.GetRequiredService<IDeadlineIndex>();
        for (var i = 0; i < ListLifecycleProblems.MaxItems + 1; i++)
            await index.AddAsync(new IndexedDeadline($"other-{i:D3}", "黑02", "filing-review", review.AddHours(-1).AddSeconds(-i)));

        host.Clock.SetUtcNow(review.AddMinutes(11));
        var problems = await host.GetAsync("/api/operations/lifecycles", Admin);
        Assert.Equal(200, problems.Status);
        var ended = Assert.Single(problems.Json.GetProperty("items").EnumerateArray());
        Assert.Equal(caseId, ended.GetProperty("caseId").GetString());
        Assert.Equal("ended", ended.GetProperty("state").GetString());
    }

    [Fact]
    public async Task StallRecorded_WhileTheCaseCouldNotBeRead_GetsItsCourtAtTheNextRecording()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future,
            services => services.AddSingleton<ICaseStore>(sp =>
                new UnreadableSnapshots(new TableCaseStore(sp.GetRequiredService<StorageClients>()))));
        var store = (UnreadableSnapshots)host.Store;
        var caseId = await host.SubmittedAsync(Liu);
        var record = host.Services.GetRequiredService<RecordLifecycleStall>();
        var stalls = host.Services.GetRequiredService<ILifecycleStalls>();

        store.Unreadable = true;
        Assert.Equal("unknown", (await record.RunAsync(new LifecycleStallInput(caseId, 1, "IOException: Storage is unreachable."))).Court);
        store.Unreadable = false;
        Assert.Equal("黑01", (await record.RunAsync(new LifecycleStallInput(caseId, 2, "IOException: a later failure"))).Court);
        Assert.Contains(await stalls.ListAsync("黑01", 10), s => s.CaseId == caseId);
    }

    /// <summary>A durable client whose every call fails, as while the task hub's storage is unreachable.</summary>
    private sealed class UnreachableClient() : DurableTaskClient("unreachable")
    {
        private static Exception Down() => new IOException("The task hub is unreachable.");

        public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null,
            StartOrchestrationOptions? options = null, CancellationToken cancellation = default) => throw Down();

        public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null,
            CancellationToken cancellation = default) =>
            throw Down();

        public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false,
            CancellationToken cancellation = default) => throw Down();

        public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false,
            CancellationToken cancellation = default) => throw Down();

        public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null,
            CancellationToken cancellation = default) =>
            throw Down();

        public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
            throw Down();

        public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
            throw Down();

        public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false,
            CancellationToken cancellation = default) => throw Down();

        public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) => throw Down();

        public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null,
            CancellationToken cancellation = default) =>
            throw Down();

        public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null,
            CancellationToken cancellation = default) => throw Down();

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task RelayMessage_FailingEveryTry_IsSentAgainWithAGrowingDelay_ThenParked_AndTheSweepReDrivesIt()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.SubmittedAsync(Liu);
        await host.Client.TerminateInstanceAsync(CaseLifecycle.InstanceId(caseId));
        await host.Client.WaitForInstanceCompletionAsync(CaseLifecycle.InstanceId(caseId));
        var storage = host.Storage;
        await storage.CaseSignals.CreateIfNotExistsAsync();
        var relay = ActivatorUtilities.CreateInstance<DurableMessageRelay>(host.Services);
        var message = JsonSerializer.Serialize<Application.Messaging.DurableMessage>(
            new Application.Messaging.CaseChanged(caseId, 3, "ReviewFiling"), QueuedDurableMessaging.Json);

        // The first failure: the message goes back on the queue, hidden for the first delay, with its try count.
        await relay.RelayAsync(message, new UnreachableClient(), default);
        Assert.Equal(1, (await storage.CaseSignals.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty((await storage.CaseSignals.ReceiveMessagesAsync(1)).Value);
        Assert.Equal(TimeSpan.FromSeconds(10), QueueMessageRetry.Delay(1));
        Assert.True(QueueMessageRetry.Delay(5) > QueueMessageRetry.Delay(4));

        // The last try fails too: parked, not sent again and not thrown into the poison queue.
        var lastTry = QueueMessageRetry.Write(message, QueueMessageRetry.MaxAttempts - 1);
        await relay.RelayAsync(lastTry, new UnreachableClient(), default);
        Assert.Equal(1, (await storage.CaseSignals.GetPropertiesAsync()).Value.ApproximateMessagesCount);

        // The sweep sends the parked message again with a fresh count; relayed, it starts the case's lifecycle.
        await storage.CaseSignals.ClearMessagesAsync();
        var sweep = ActivatorUtilities.CreateInstance<LifecycleSweepFunction>(host.Services);
        await sweep.RunAsync(host.Client, default);
        var redriven = Assert.Single((await storage.CaseSignals.ReceiveMessagesAsync(32)).Value);
        Assert.Equal(0, QueueMessageRetry.Read(redriven.MessageText).Attempt);
        await relay.RelayAsync(redriven.MessageText, host.Client, default);
        await host.WaitForLifecycleWaitingAsync(caseId, CaseStatus.Submitted);
    }

    private static async Task<TestResponse> WaitForAsync(Func<Task<TestResponse>> read, Func<TestResponse, bool> until, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        TestResponse last;
        do
        {
            last = await read();
            if (last.Status == 200 && until(last)) return last;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"Still not there after {seconds} s: {last}");
    }
}
