using ECourt.Application.Messaging;
using ECourt.Domain.Cases;
using ECourt.Functions.Messaging;
using ECourt.Integration.Tests.Versions;
using ECourt.Orchestrations.Cases;
using ECourt.Orchestrations.ServiceOfProcess;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// Cases live for years, so a lifecycle started by an older build must carry on under the new one: on the persistent
/// engine (the Azure Storage provider on Azurite), an instance of version 1 runs rounds, its host stops, the current
/// build starts on the same task hub, replays what version 1 recorded, moves to the current version, and the case
/// goes on to its next deadline.
/// </summary>
[Collection(PersistentEngineCollection.Name)]
public class LifecycleVersionTests
{
    /// <summary>Starts lifecycles as the version-1 build did: its input, without a version.</summary>
    private sealed class Version1Starts(DurableTaskClient client, IDurableMessaging inner) : IDurableMessaging
    {
        public Task SendAsync(DurableMessage message, CancellationToken ct = default) =>
            message is StartCaseLifecycle start
                ? client.ScheduleNewOrchestrationInstanceAsync(CaseLifecycle.Name,
                    new CaseLifecycleVersion1.Input(start.CaseId, start.Known),
                    new StartOrchestrationOptions(CaseLifecycle.InstanceId(start.CaseId)), ct)
                : inner.SendAsync(message, ct);
    }

    private static void Version1(DurableTaskRegistry registry)
    {
        CaseLifecycleVersion1.Register(registry);
        CaseActivities.All.Register(registry);
        ServiceWorkflow.Register(registry);
        ServiceActivities.All.Register(registry);
    }

    private static readonly Dictionary<string, string?> FastRecheck = new() { ["ECourt:Lifecycle:RecheckWithoutDeadline"] = "00:00:00.2" };

    /// <summary>
    /// Waits until the instance waits in a timer of at least <paramref name="atLeast"/>, its round written, and no activity
    /// of any instance is in flight. The provider enqueues an episode's messages (the timer's among them) before it writes
    /// the episode's history: once the history ends in a long timer that has not fired, what the round decided is stored
    /// and the timer is queued; a host stopped then leaves at most the episode's own message locked, already applied.
    /// </summary>
    private static async Task WaitUntilIdleInATimerAsync(string taskHub, string instanceId, TimeSpan atLeast)
    {
        var history = new Azure.Data.Tables.TableClient(Azurite.ConnectionString, taskHub + "History");
        var activities = new Azure.Storage.Queues.QueueClient(Azurite.ConnectionString, taskHub.ToLowerInvariant() + "-workitems");
        var seen = "";
        for (var end = DateTime.UtcNow.AddSeconds(CourtSteps.Patience); DateTime.UtcNow < end; await Task.Delay(50))
        {
            var rows = new List<Azure.Data.Tables.TableEntity>();
            await foreach (var row in history.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == instanceId)) rows.Add(row);
            var execution = rows.SingleOrDefault(r => r.RowKey == "sentinel")?.GetString("ExecutionId");
            var timer = rows.Where(r => r.RowKey != "sentinel" && r.GetString("ExecutionId") == execution).OrderBy(r => r.RowKey)
                .LastOrDefault(r => r.GetString("EventType") is "TimerCreated" or "TimerFired");
            var inFlight = (await activities.GetPropertiesAsync()).Value.ApproximateMessagesCount;
            seen = $"last timer event {timer?.GetString("EventType")}, firing at {timer?.GetDateTimeOffset("FireAt")}, written at "
                + $"{timer?.Timestamp}; {inFlight} activity messages";
            if (timer?.GetString("EventType") == "TimerCreated" && timer.GetDateTimeOffset("FireAt") - timer.Timestamp >= atLeast
                && inFlight == 0)
                return;
        }
        throw new TimeoutException($"{instanceId} did not come to wait in a timer of {atLeast}: {seen}");
    }

    [Fact]
    public async Task Version1Instance_WithRecordedRounds_CarriesOnUnderTheCurrentBuild_MigratesAndKeepsItsNextDeadline()
    {
        var taskHub = "V" + Guid.NewGuid().ToString("N")[..16];
        var prefix = Azurite.NewPrefix();
        CaseLifecycleVersion1.RecheckWithoutDeadline = TimeSpan.FromMilliseconds(200);
        string caseId;
        var instanceId = "";
        await using (var old = await CourtTestHost.StartOnAzureStorageAsync(CourtTestHost.Future, taskHub, prefix, Version1,
            services => services.AddSingleton<IDurableMessaging>(sp => new Version1Starts(sp.GetRequiredService<DurableTaskClient>(),
                ActivatorUtilities.CreateInstance<ClientDurableMessaging>(sp, sp.GetRequiredService<DurableTaskClient>()))),
            FastRecheck))
        {
            var body = Filings.Property("user-liu");
            body["feeAid"] = new { kind = "reduce", reasons = new[] { "家庭经济困难" } };
            caseId = await old.SubmittedAsync("user-liu", body);
            instanceId = CaseLifecycle.InstanceId(caseId);
            Assert.Equal("FeeAidPending", (await old.ReviewAsync(caseId, "accept")).Json.GetProperty("status").GetString());
            await old.WaitForCustomStatusAsync(caseId, s => s.Status == "FeeAidPending");
            // Version 1 loops in one execution: its recorded rounds pile up in the history.
            var end = DateTime.UtcNow.AddSeconds(CourtSteps.Patience);
            while (await LifecycleHistoryTests.StoredHistoryAsync(taskHub, instanceId) < 40 && DateTime.UtcNow < end) await Task.Delay(100);
            Assert.True(await LifecycleHistoryTests.StoredHistoryAsync(taskHub, instanceId) >= 40, "version 1 recorded several rounds");
            var started = await old.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            Assert.DoesNotContain("LogicVersion", started!.SerializedInput);
            // Stop between rounds, not inside one: a work item the stopping host held stays locked in its queue for minutes. The
            // next round waits long enough for this host to stop before its timer fires; the new host takes that timer.
            CaseLifecycleVersion1.RecheckWithoutDeadline = TimeSpan.FromSeconds(10);
            await WaitUntilIdleInATimerAsync(taskHub, instanceId, TimeSpan.FromSeconds(5));
        }

        await using var current =
            await CourtTestHost.StartOnAzureStorageAsync(CourtTestHost.Future, taskHub, prefix, settings: FastRecheck);
        // The recorded rounds replay as version 1 did them; the first round decided live continues as new on the current version.
        var endMigrate = DateTime.UtcNow.AddSeconds(CourtSteps.Patience);
        OrchestrationMetadata? instance = null;
        while (DateTime.UtcNow < endMigrate)
        {
            instance = await current.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (instance?.SerializedInput?.Contains($"\"LogicVersion\":{CaseLifecycle.CurrentVersion}") == true) break;
            Assert.NotEqual(OrchestrationRuntimeStatus.Failed, instance?.RuntimeStatus);
            await Task.Delay(100);
        }
        Assert.Contains($"\"LogicVersion\":{CaseLifecycle.CurrentVersion}", instance!.SerializedInput);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance.RuntimeStatus);
        // Rounds on the current version continue as new: the recorded version-1 rounds are gone from the history.
        var rows = int.MaxValue;
        var endShort = DateTime.UtcNow.AddSeconds(CourtSteps.Patience);
        while (DateTime.UtcNow < endShort && (rows = await LifecycleHistoryTests.StoredHistoryAsync(taskHub, instanceId)) > 20)
            await Task.Delay(200);
        Assert.InRange(rows, 1, 20);

        // And the case goes on: the judge decides the fee aid, the migrated lifecycle serves the decision, and once the
        // decision and the notice are served it keeps the fee deadline.
        var decided = await current.PostJsonAsync($"/api/cases/{caseId}/fee-aid/decision", CourtSteps.Judge,
            new { decision = "grant", reducedAmount = "1000.00", reasons = new[] { "酌减" } });
        Assert.Equal(200, decided.Status);
        await current.SmsDeliveredAsync(caseId, "fee-aid-decision", CourtTestHost.Future);
        await current.FeeNoticeServedAsync(caseId);
        await current.WaitForCustomStatusAsync(caseId, s => s.NextDeadline == "fee-payment");
        await current.PassDeadlineAsync(caseId, "fee-payment");
        await current.WaitForStatusAsync(caseId, CaseStatus.FeeOverdue);
    }
}
