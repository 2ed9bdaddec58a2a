using Azure;
using Azure.Messaging.ServiceBus;
using ECourt.Application.Cases;
using ECourt.Application.Payments;
using Microsoft.Extensions.Logging;

namespace ECourt.Functions.Payments;

/// <summary>
/// How every bank message handler ends a message it could not complete: a bad message is dead-lettered
/// naming the rule it broke; a transient failure is abandoned so it comes again, and dead-lettered with
/// its last error once it has been delivered the configured number of times.
/// </summary>
internal static class BankMessageSettling
{
    public static async Task<BankMessageOutcome> DeadLetterAsync(ServiceBusReceiver receiver, ServiceBusReceivedMessage message, string rule, string reason,
        ILogger log, CancellationToken ct)
    {
        log.LogWarning("Bank message {MessageId} dead-lettered: {Rule}: {Reason}", message.MessageId, rule, reason);
        // Service Bus keeps at most 4096 characters of a dead-letter description.
        await receiver.DeadLetterMessageAsync(message, rule, reason.Length > 4000 ? reason[..4000] : reason, ct);
        return new BankMessageOutcome(BankSettlement.DeadLettered, $"{rule}: {reason}");
    }

    public static async Task<BankMessageOutcome> RetryOrDeadLetterAsync(ServiceBusReceiver receiver, ServiceBusReceivedMessage message, Exception ex,
        int maxDeliveries, ILogger log, CancellationToken ct)
    {
        if (message.DeliveryCount >= maxDeliveries)
            return await DeadLetterAsync(receiver, message, "transient-failure",
                $"Still failing after {message.DeliveryCount} deliveries: {ex.GetType().Name}: {ex.Message}", log, ct);
        log.LogWarning(ex, "Bank message {MessageId}: transient failure on delivery {Delivery}; abandoned for redelivery", message.MessageId, message.DeliveryCount);
        await receiver.AbandonMessageAsync(message, cancellationToken: ct);
        return new BankMessageOutcome(BankSettlement.Abandoned, ex.Message);
    }

    /// <summary>Failures that a later delivery may not meet: storage or the network unavailable, throttling, timeouts.</summary>
    public static bool IsTransient(Exception ex) => ex switch
    {
        RequestFailedException r => r.Status is 0 or 408 or 429 or >= 500,
        // The case kept changing under every retry: try the whole message again later.
        ConcurrentChangeException => true,
        // Another run of the same bank's day holds it: this statement is reconciled after it.
        ReconciliationRunningException => true,
        HttpRequestException or TimeoutException or IOException => true,
        TaskCanceledException => true,
        AggregateException a => a.InnerExceptions.All(IsTransient),
        _ => false,
    };
}
