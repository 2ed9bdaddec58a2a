using System.Text.Json;
using ECourt.Adapters.Storage;
using ECourt.Application.Messaging;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ECourt.Functions.Messaging;

/// <summary>
/// Sends on the durable messages queued on case-signals (<see cref="QueuedDurableMessaging"/>) with the client this
/// function binds. A failure is sent again later by <see cref="QueueMessageRetry"/> and parked for the lifecycle sweep
/// when it keeps failing, never left in the poison queue; a message that cannot be read is dropped with a warning,
/// since it would only fail again (the case's own timer reads the case anyway).
/// </summary>
public sealed class DurableMessageRelay(StorageClients storage, QueueMessageRetry retry, DurableClients clients,
    ILogger<DurableMessageRelay> log)
{
    /// <summary>A signal as releases before typed messages queued it; with a service id it meant "start that service's workflow".</summary>
    private sealed record LegacySignal(string CaseId, int Version, string Action, string? ServiceId = null);

    [Function("RelayCaseSignal")]
    public Task Relay([QueueTrigger(StorageNames.CaseSignals)] string message, [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        RelayAsync(message, client, context.CancellationToken);

    public Task RelayAsync(string message, DurableTaskClient client, CancellationToken ct) =>
        retry.RunAsync(storage.CaseSignals, message, async body =>
        {
            if (Read(body) is not { } durable || !Domain.Cases.CaseId.IsValid(durable.CaseId))
            {
                log.LogWarning("Queue {Queue}: a message that is no durable message was dropped", StorageNames.CaseSignals);
                return;
            }
            await clients.For(client).SendAsync(durable, ct);
        }, ct);

    public static DurableMessage? Read(string message)
    {
        try
        {
            using var document = JsonDocument.Parse(message);
            if (document.RootElement.TryGetProperty("message", out _)) return JsonSerializer.Deserialize<DurableMessage>(message, QueuedDurableMessaging.Json);
            var legacy = JsonSerializer.Deserialize<LegacySignal>(message, StoredJson.Options);
            return legacy is null ? null
                : legacy.ServiceId is { } serviceId ? new StartServiceWorkflow(legacy.CaseId, serviceId)
                : new CaseChanged(legacy.CaseId, legacy.Version, legacy.Action);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return null;
        }
    }
}
