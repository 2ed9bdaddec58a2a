using System.Text.Json;
using ECourt.Adapters.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ECourt.Functions.Lifecycle;

/// <summary>Raises the signals, and starts the service workflows, that code without a durable client queued (see <see cref="CaseSignals"/>).</summary>
public sealed class CaseSignalRelay(CaseSignals signals, Microsoft.Extensions.Logging.ILogger<CaseSignalRelay> log)
{
    [Function("RelayCaseSignal")]
    public Task Relay([QueueTrigger(StorageNames.CaseSignals)] string message, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        CaseSignals.QueuedSignal? signal;
        try
        {
            signal = JsonSerializer.Deserialize<CaseSignals.QueuedSignal>(message, StoredJson.Options);
        }
        catch (JsonException)
        {
            signal = null;
        }
        // A malformed message cannot become a signal and would only fail again; the case's timer reads the case anyway.
        if (signal is null || !Domain.Cases.CaseId.IsValid(signal.CaseId)) return Task.CompletedTask;
        if (signal.ServiceId is { } serviceId)
            return Service.ServiceDispatch.StartWorkflowAsync(client, new Orchestrations.Service.ServiceRef(signal.CaseId, serviceId), log, context.CancellationToken);
        return signals.RaiseAsync(client, signal, context.CancellationToken);
    }
}
