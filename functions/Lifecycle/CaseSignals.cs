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
/// </summary>
public sealed class CaseSignals(ILogger<CaseSignals> log)
{
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

    public async Task CaseChangedAsync(DurableTaskClient client, CourtCase changed, string action, CancellationToken ct)
    {
        if (changed.Status == CaseStatus.Draft) return;
        try
        {
            await client.RaiseEventAsync(CaseLifecycle.InstanceId(changed.CaseId), CaseLifecycle.SignalEvent, new CaseSignal(changed.Version, action), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Case {CaseId}: could not signal its orchestration after {Action}; its next timer will catch up", changed.CaseId, action);
        }
    }
}
