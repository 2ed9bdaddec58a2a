using ECourt.Adapters.Storage;
using ECourt.Application.Calendar;
using ECourt.Application.Cases;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ECourt.Functions.Messaging;

/// <summary>
/// The lifecycle sweep, every five minutes: restarts the lifecycle of any case whose deadline passed unkept with none
/// running (<see cref="SweepLifecycles"/>), sends parked and poisoned case-signals messages again, and counts again the
/// provisional deadlines of a year published lately (<see cref="RecountLatelyPublished"/>). The local host runs the
/// same on its own timer.
/// </summary>
public sealed class LifecycleSweepFunction(SweepLifecycles sweep, RecountLatelyPublished recount, StorageClients storage,
    DurableClients clients, ILogger<LifecycleSweepFunction> log)
{
    [Function("SweepLifecycles")]
    public Task Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        RunAsync(client, context.CancellationToken);

    public async Task<SweepLifecycles.Result> RunAsync(DurableTaskClient client, CancellationToken ct)
    {
        var redriven = await ParkedMessages.RedriveAsync(storage, storage.CaseSignals, ct);
        var result = await sweep.RunAsync(clients.For(client), ct);
        var recounted = await recount.RunAsync(ct);
        if (redriven > 0 || result.Restarted.Count > 0 || result.Removed > 0 || recounted > 0)
            log.LogWarning("Lifecycle sweep: {Restarted} lifecycles restarted, {Removed} stale index rows removed, "
                + "{Redriven} parked messages sent again, {Recounted} cases' deadlines counted again on a lately published calendar",
                result.Restarted.Count, result.Removed, redriven, recounted);
        return result;
    }
}
