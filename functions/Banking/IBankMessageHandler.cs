using Azure.Messaging.ServiceBus;
using Microsoft.DurableTask.Client;

namespace ECourt.Functions.Banking;

/// <summary>A handler of one bank queue. It settles each message itself: complete, abandon or dead-letter.</summary>
public interface IBankMessageHandler
{
    string Queue { get; }

    /// <param name="client">the durable client to tell case orchestrations of a change; null where the host has none</param>
    Task<BankMessageOutcome> HandleAsync(ServiceBusReceivedMessage message, ServiceBusReceiver receiver, DurableTaskClient? client, CancellationToken ct);
}
