using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Functions.Payments;

/// <summary>
/// Runs one bank message through the handler of its queue, as the Service Bus listener would, settling it with a receiver that records
/// the outcome: the local host's door for banks' developers and its sandbox bank, where no Service Bus runs.
/// </summary>
public sealed class BankMessageDelivery(IServiceProvider services, TimeProvider clock)
{
    public IBankMessageHandler? HandlerOf(string queue) =>
        services.GetServices<IBankMessageHandler>().FirstOrDefault(h => h.Queue == queue);

    public static string Queues(IServiceProvider services) => string.Join(", ", services.GetServices<IBankMessageHandler>().Select(h =>
        h.Queue));

    public async Task<BankMessageOutcome> DeliverAsync(IBankMessageHandler handler, byte[] body, string? messageId, CancellationToken ct)
    {
        var message = ServiceBusModelFactory.ServiceBusReceivedMessage(BinaryData.FromBytes(body), messageId: messageId, deliveryCount: 1,
            lockTokenGuid: Guid.NewGuid(), contentType: "application/json", enqueuedTime: clock.GetUtcNow());
        return await handler.HandleAsync(message, new RecordedSettlement(), ct);
    }
}
