using System.Text.Json;
using ECourt.Adapters.Storage;
using ECourt.Application.Messaging;

namespace ECourt.Functions.Messaging;

/// <summary>
/// Durable messaging in the Functions app, whose worker hands a durable client only to functions that bind one: every
/// message goes on the storage queue case-signals, and <see cref="DurableMessageRelay"/> (a function that binds the
/// client) sends it on. A message that cannot be queued throws, so the request, handler or activity is retried.
/// </summary>
public sealed class QueuedDurableMessaging(StorageClients storage) : IDurableMessaging
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task SendAsync(DurableMessage message, CancellationToken ct = default) =>
        storage.CaseSignals.SendMessageAsync(JsonSerializer.Serialize(message, Json), ct);
}
