using System.Text.Json;
using ECourt.Adapters.Storage;
using ECourt.Domain.Cases;
using ECourt.Orchestrations.Lifecycle;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ECourt.Functions.Lifecycle;

/// <summary>
/// Tells a case's orchestration what a command did. The command has already committed its change to
/// the case's table partition; if this call is lost, the orchestration's timer still fires and it
/// reads the case then, so a lost signal delays and never loses a step.
/// Code that has no durable client (the Functions app hands one out only to functions that bind it)
/// puts the signal on queue case-signals, and <see cref="CaseSignalRelay"/> raises it from there.
/// </summary>
public sealed class CaseSignals(StorageClients storage, ILogger<CaseSignals> log)
{
    /// <summary>A signal waiting on queue case-signals; with <paramref name="ServiceId"/>, a service workflow to start instead.</summary>
    public sealed record QueuedSignal(string CaseId, int Version, string Action, string? ServiceId = null);

    /// <summary>Starts the case's orchestration unless it already runs (a retried submit starts nothing new): one call in the usual case.</summary>
    public async Task EnsureStartedAsync(DurableTaskClient client, string caseId, CaseProgress? known, CancellationToken ct)
    {
        var instanceId = CaseLifecycle.InstanceId(caseId);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(CaseLifecycle.Name, new CaseLifecycleInput(caseId, known),
                new StartOrchestrationOptions(instanceId), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Already running (a retried submit, or started concurrently): the one instance is enough.
            if (await client.GetInstanceAsync(instanceId, false, ct) is not { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending }) throw;
            log.LogInformation("Case {CaseId}: its orchestration was already started", caseId);
        }
    }

    public async Task CaseChangedAsync(DurableTaskClient? client, CourtCase changed, string action, CancellationToken ct)
    {
        if (changed.Status == CaseStatus.Draft) return;
        if (client is null)
        {
            await QueueAsync(new QueuedSignal(changed.CaseId, changed.Version, action), ct);
            return;
        }
        await RaiseAsync(client, new QueuedSignal(changed.CaseId, changed.Version, action), ct);
    }

    public async Task RaiseAsync(DurableTaskClient client, QueuedSignal signal, CancellationToken ct)
    {
        try
        {
            await client.RaiseEventAsync(CaseLifecycle.InstanceId(signal.CaseId), CaseLifecycle.SignalEvent, new CaseSignal(signal.Version, signal.Action), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Case {CaseId}: could not signal its orchestration after {Action}; its next timer will catch up", signal.CaseId, signal.Action);
        }
    }

    public async Task QueueAsync(QueuedSignal signal, CancellationToken ct)
    {
        try
        {
            await storage.CaseSignals.SendMessageAsync(JsonSerializer.Serialize(signal, StoredJson.Options), ct);
        }
        catch (Azure.RequestFailedException ex)
        {
            log.LogWarning(ex, "Case {CaseId}: could not queue the signal after {Action}; its next timer will catch up", signal.CaseId, signal.Action);
        }
    }
}
