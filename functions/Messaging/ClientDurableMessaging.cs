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
/// A start that fails throws unless the instance runs. A signal never falls on nobody: where a case's lifecycle is missing
/// or ended, a new one is started instead (the case changed, so it may have a deadline to keep again); where a service's
/// workflow is missing, failed or terminated, a new one carries the service on from its record.
/// </summary>
public sealed class ClientDurableMessaging(DurableTaskClient client, IOptions<LifecycleOptions> lifecycle,
    ILogger<ClientDurableMessaging> log) : IDurableMessaging, ILifecycleInstances, IServiceWorkflows
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
                await SignalServiceAsync(changed, ct);
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

    public async Task<LifecycleInstanceState> StateAsync(ServiceRef service, CancellationToken ct = default) =>
        State(await client.GetInstanceAsync(ServiceWorkflow.InstanceId(service.CaseId, service.ServiceId), false, ct));

    public Task StartAsync(ServiceRef service, CancellationToken ct = default) => StartServiceAsync(service, ct);

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

    /// <summary>
    /// Starts the service's workflow unless one runs (a retried start, or one started concurrently: starting a running
    /// instance again could restart it). A failed, terminated or completed instance's id is reused: the new workflow reads
    /// the record and carries on from it (a completed service it completes at once).
    /// </summary>
    private async Task StartServiceAsync(ServiceRef service, CancellationToken ct)
    {
        var instanceId = ServiceWorkflow.InstanceId(service.CaseId, service.ServiceId);
        if (State(await client.GetInstanceAsync(instanceId, false, ct)) == LifecycleInstanceState.Running) return;
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(ServiceWorkflow.Name,
                ServiceWorkflow.Start(service, LifecycleTiming.From(lifecycle.Value)), new StartOrchestrationOptions(instanceId), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (State(await client.GetInstanceAsync(instanceId, false, ct)) != LifecycleInstanceState.Running) throw;
            log.LogInformation("Service {ServiceId} of case {CaseId}: its workflow was started concurrently", service.ServiceId,
                service.CaseId);
        }
    }

    /// <summary>
    /// Wakes the service's running workflow, whichever round it waits on; where none runs and the service is not complete,
    /// starts one. A workflow completes only once its service is served and certified, so a completed one has nothing left.
    /// </summary>
    private async Task SignalServiceAsync(ServiceChanged changed, CancellationToken ct)
    {
        var instanceId = ServiceWorkflow.InstanceId(changed.CaseId, changed.ServiceId);
        var instance = await client.GetInstanceAsync(instanceId, false, ct);
        if (State(instance) == LifecycleInstanceState.Running)
        {
            foreach (var round in changed.Rounds)
                await client.RaiseEventAsync(instanceId, ServiceWorkflow.ChangedEvent(round), new ServiceChange(changed.What), ct);
            return;
        }
        if (instance?.RuntimeStatus == OrchestrationRuntimeStatus.Completed)
        {
            log.LogInformation("{InstanceId} completed its service; {What} needs nothing more of it", instanceId, changed.What);
            return;
        }
        log.LogWarning("Service {ServiceId} of case {CaseId}: no workflow was running when its record changed ({What}); a new one starts",
            changed.ServiceId, changed.CaseId, changed.What);
        await StartServiceAsync(new ServiceRef(changed.CaseId, changed.ServiceId), ct);
    }
}
