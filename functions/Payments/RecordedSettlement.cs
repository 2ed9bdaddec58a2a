using Azure.Messaging.ServiceBus;

namespace ECourt.Functions.Payments;

/// <summary>
/// A receiver that records how a message was settled instead of telling a broker: used where a bank
/// message is run through the handler without Service Bus (the local host's /api/local/bank-messages,
/// the handler's tests). The handler cannot tell it from a broker's receiver.
/// </summary>
public sealed class RecordedSettlement : ServiceBusReceiver
{
    public List<(string Action, string? MessageId, string? Reason, string? Description)> Settlements { get; } = [];

    public override Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default)
    {
        Settlements.Add(("complete", message.MessageId, null, null));
        return Task.CompletedTask;
    }

    public override Task AbandonMessageAsync(ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify = null, CancellationToken cancellationToken = default)
    {
        Settlements.Add(("abandon", message.MessageId, null, null));
        return Task.CompletedTask;
    }

    public override Task DeadLetterMessageAsync(ServiceBusReceivedMessage message, string deadLetterReason, string? deadLetterErrorDescription = null, CancellationToken cancellationToken = default)
    {
        Settlements.Add(("dead-letter", message.MessageId, deadLetterReason, deadLetterErrorDescription));
        return Task.CompletedTask;
    }
}
