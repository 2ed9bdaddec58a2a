using ECourt.Adapters.Storage;
using ECourt.Application.Calendar;
using ECourt.Application.Cases;
using ECourt.Application.ServiceOfProcess;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ECourt.Functions.Messaging;

/// <summary>
/// The lifecycle sweep, every five minutes: restarts the lifecycle of any case whose deadline passed unkept with none
/// running (<see cref="SweepLifecycles"/>) and the workflow of any open service with none running
/// (<see cref="SweepServiceWorkflows"/>), sends parked and poisoned case-signals messages again, and counts again the
/// deadlines still provisional in a year the calendar knows (<see cref="RecountProvisionalDeadlines"/>). The local host runs
/// the same on its own timer.
/// </summary>
public sealed class LifecycleSweepFunction(SweepLifecycles sweep, SweepServiceWorkflows services, RecountProvisionalDeadlines recount,
    StorageClients storage, DurableClients clients, ILogger<LifecycleSweepFunction> log)
{
    [Function("SweepLifecycles")]
    public Task Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        RunAsync(client, context.CancellationToken);

    public async Task<SweepLifecycles.Result> RunAsync(DurableTaskClient client, CancellationToken ct)
    {
        var redriven = await ParkedMessages.RedriveAsync(storage, storage.CaseSignals, ct);
        var durable = clients.For(client);
        var result = await sweep.RunAsync(durable, ct);
        var workflows = await services.RunAsync(durable, ct);
        var recounted = await recount.RunAsync(ct);
        if (redriven > 0 || result.Restarted.Count > 0 || result.Removed > 0 || workflows.Restarted.Count > 0 || recounted > 0)
            log.LogWarning("Lifecycle sweep: {Restarted} lifecycles restarted, {Removed} stale index rows removed, "
                + "{Services} service workflows restarted, {Redriven} parked messages sent again, "
                + "{Recounted} cases' provisional deadlines counted again",
                result.Restarted.Count, result.Removed, workflows.Restarted.Count, redriven, recounted);
        return result;
    }
}
