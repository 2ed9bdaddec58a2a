using ECourt.Application.Messaging;
using ECourt.Application.ServiceOfProcess;
using ECourt.Orchestrations.Cases;
using ECourt.Orchestrations.ServiceOfProcess;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ECourt.Functions.Messaging;

/// <summary>
/// Durable messaging with a durable client at hand: the local host and the tests (a client in their services), and the
/// Functions app's relay of queued messages (the client its trigger binds). A start that fails throws unless the
/// instance exists; a signal that fails throws unless nobody waits for it any more (no instance, or one that ended).
/// </summary>
public sealed class ClientDurableMessaging(DurableTaskClient client, ILogger<ClientDurableMessaging> log) : IDurableMessaging
{
    public async Task SendAsync(DurableMessage message, CancellationToken ct = default)
    {
        switch (message)
        {
            case StartCaseLifecycle start:
                await StartLifecycleAsync(start, ct);
                break;
            case StartServiceWorkflow start:
                await StartServiceAsync(new ServiceRef(start.CaseId, start.ServiceId), ct);
                break;
            case CaseChanged changed:
                await RaiseAsync(CaseLifecycle.InstanceId(changed.CaseId), CaseLifecycle.SignalEvent, new CaseSignal(changed.Version, changed.Action), ct);
                break;
            case ServiceChanged changed:
                foreach (var round in changed.Rounds)
                    await RaiseAsync(ServiceWorkflow.InstanceId(changed.CaseId, changed.ServiceId), ServiceWorkflow.ChangedEvent(round), new ServiceChange(changed.What), ct);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(message), message.GetType().Name, "Not a durable message this host sends.");
        }
    }

    /// <summary>Starts the case's lifecycle unless it already runs (a retried submit starts nothing new): one call in the usual case.</summary>
    private async Task StartLifecycleAsync(StartCaseLifecycle start, CancellationToken ct)
    {
        var instanceId = CaseLifecycle.InstanceId(start.CaseId);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(CaseLifecycle.Name, CaseLifecycle.Start(start.CaseId, start.Known),
                new StartOrchestrationOptions(instanceId), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Already running (a retried submit, or started concurrently): the one instance is enough.
            if (await client.GetInstanceAsync(instanceId, false, ct) is not { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending }) throw;
            log.LogInformation("Case {CaseId}: its lifecycle was already started", start.CaseId);
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
            // Nobody waits any more: an instance that ended, or never started, has nothing to wake.
            if (await client.GetInstanceAsync(instanceId, false, ct) is { } instance && !instance.IsCompleted) throw;
            log.LogInformation("{InstanceId} does not wait for {Event} any more", instanceId, eventName);
        }
    }
}
