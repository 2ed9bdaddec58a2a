using Azure.Messaging.ServiceBus;

namespace ECourt.Functions.Payments;

/// <summary>A handler of one bank queue. It settles each message itself: complete, abandon or dead-letter.</summary>
public interface IBankMessageHandler
{
    string Queue { get; }

    Task<BankMessageOutcome> HandleAsync(ServiceBusReceivedMessage message, ServiceBusReceiver receiver, CancellationToken ct);
}
