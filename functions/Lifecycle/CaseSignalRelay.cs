using System.Text.Json;
using ECourt.Adapters.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ECourt.Functions.Lifecycle;

/// <summary>Raises the signals that code without a durable client queued (see <see cref="CaseSignals"/>).</summary>
public sealed class CaseSignalRelay(CaseSignals signals)
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
        return signals.RaiseAsync(client, signal, context.CancellationToken);
    }
}
