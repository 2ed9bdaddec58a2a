using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Application.ServiceOfProcess;
using ECourt.Orchestrations.Cases;
using ECourt.Orchestrations.ServiceOfProcess;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECourt.Functions.Messaging;

/// <summary>
/// Durable messaging with a durable client at hand: the local host and the tests (a client in their services), and the
/// Functions app's functions that bind one (the relay of queued messages, the lifecycle sweep, the operators' routes).
/// A start that fails throws unless the instance runs. A case's signal never falls on nobody: where its lifecycle is
/// missing or ended, a new one is started instead (the case changed, so it may have a deadline to keep again).
/// </summary>
public sealed class ClientDurableMessaging(DurableTaskClient client, IOptions<LifecycleOptions> lifecycle,
    ILogger<ClientDurableMessaging> log) : IDurableMessaging, ILifecycleInstances
{
    public async Task SendAsync(DurableMessage message, CancellationToken ct = default)
    {
        switch (message)
        {
            case StartCaseLifecycle start:
                await StartLifecycleAsync(start.CaseId, start.Known, ct);
                break;
            case StartServiceWorkflow start:
                await StartServiceAsync(new ServiceRef(start.CaseId, start.ServiceId), ct);
                break;
            case CaseChanged changed:
                await SignalLifecycleAsync(changed.CaseId, new CaseSignal(changed.Version, changed.Action), ct);
                break;
            case ServiceChanged changed:
                foreach (var round in changed.Rounds)
                    await RaiseAsync(ServiceWorkflow.InstanceId(changed.CaseId, changed.ServiceId), ServiceWorkflow.ChangedEvent(round), new ServiceChange(changed.What), ct);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(message), message.GetType().Name, "Not a durable message this host sends.");
        }
    }

    public async Task<LifecycleInstanceState> StateAsync(string caseId, CancellationToken ct = default) =>
        State(await client.GetInstanceAsync(CaseLifecycle.InstanceId(caseId), false, ct));

    public async Task<LifecycleInstanceState> RestartAsync(string caseId, CancellationToken ct = default)
    {
        var before = await StateAsync(caseId, ct);
        await SignalLifecycleAsync(caseId, new CaseSignal(0, "LifecycleRestarted"), ct);
        return before;
    }

    private static LifecycleInstanceState State(OrchestrationMetadata? instance) => instance switch
    {
        null => LifecycleInstanceState.Missing,
        { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended }
            => LifecycleInstanceState.Running,
        _ => LifecycleInstanceState.Ended,
    };

    /// <summary>Wakes the running lifecycle, or starts one where none runs.</summary>
    private async Task SignalLifecycleAsync(string caseId, CaseSignal signal, CancellationToken ct)
    {
        var instanceId = CaseLifecycle.InstanceId(caseId);
        if (State(await client.GetInstanceAsync(instanceId, false, ct)) == LifecycleInstanceState.Running)
        {
            await client.RaiseEventAsync(instanceId, CaseLifecycle.SignalEvent, signal, ct);
            return;
        }
        log.LogWarning("Case {CaseId}: no lifecycle was running when its case changed ({Action}); a new one starts", caseId, signal.Action);
        await StartLifecycleAsync(caseId, null, ct);
    }

    /// <summary>
    /// Starts the case's lifecycle unless it already runs (a retried submit starts nothing new): one call in the usual
    /// case. An ended instance's id is reused (the engines replace an instance that is not running or pending).
    /// </summary>
    private async Task StartLifecycleAsync(string caseId, CaseProgress? known, CancellationToken ct)
    {
        var instanceId = CaseLifecycle.InstanceId(caseId);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(CaseLifecycle.Name,
                CaseLifecycle.Start(caseId, known, LifecycleTiming.From(lifecycle.Value)), new StartOrchestrationOptions(instanceId), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Already running (a retried submit, or started concurrently): the one instance is enough.
            if (State(await client.GetInstanceAsync(instanceId, false, ct)) != LifecycleInstanceState.Running) throw;
            log.LogInformation("Case {CaseId}: its lifecycle was already started", caseId);
        }
    }

    /// <summary>Starts the service's workflow unless it exists: starting it again could restart it.</summary>
    private async Task StartServiceAsync(ServiceRef service, CancellationToken ct)
    {
        var instanceId = ServiceWorkflow.InstanceId(service.CaseId, service.ServiceId);
        if (await client.GetInstanceAsync(instanceId, false, ct) is not null) return;
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(ServiceWorkflow.Name, service, new StartOrchestrationOptions(instanceId), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (await client.GetInstanceAsync(instanceId, false, ct) is null) throw;
            log.LogInformation("Service {ServiceId} of case {CaseId}: its workflow was started concurrently", service.ServiceId, service.CaseId);
        }
    }

    private async Task RaiseAsync(string instanceId, string eventName, object payload, CancellationToken ct)
    {
        try
        {
            await client.RaiseEventAsync(instanceId, eventName, payload, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nobody waits any more: a service workflow that ended, or never started, has nothing to wake.
            if (await client.GetInstanceAsync(instanceId, false, ct) is { } instance && !instance.IsCompleted) throw;
            log.LogInformation("{InstanceId} does not wait for {Event} any more", instanceId, eventName);
        }
    }
}
