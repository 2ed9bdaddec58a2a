using ECourt.Application.ServiceOfProcess;
using ECourt.Orchestrations.Cases;
using ECourt.Orchestrations.ServiceOfProcess;
using Microsoft.DurableTask.Client;

namespace ECourt.LocalHost;

/// <summary>
/// After court time moved: every waiting case lifecycle and service workflow is told to read its case again, so it
/// keeps what fell due as of the new court time. Used by the local host's clock route and by tests that move the clock.
/// </summary>
public static class CourtClockWakeUp
{
    /// <summary>Wakes every running instance; answers how many were woken.</summary>
    public static async Task<int> WakeAllAsync(DurableTaskClient client, CancellationToken ct)
    {
        var woken = 0;
        var query = new OrchestrationQuery
        {
            Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending],
            FetchInputsAndOutputs = true
        };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(ct))
        {
            if (instance.Name == CaseLifecycle.Name)
                await client.RaiseEventAsync(instance.InstanceId, CaseLifecycle.SignalEvent, new CaseSignal(0, "CourtTimeMoved"), ct);
            else if (instance.Name == ServiceWorkflow.Name && instance.ReadCustomStatusAs<ServiceState>() is { } state)
                await client.RaiseEventAsync(instance.InstanceId, ServiceWorkflow.ChangedEvent(state.Round),
                    new ServiceChange("court time moved"), ct);
            else continue;
            woken++;
        }
        return woken;
    }
}
