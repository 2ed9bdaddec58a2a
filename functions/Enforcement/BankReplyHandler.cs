using Azure.Messaging.ServiceBus;
using ECourt.Adapters.BankMessages;
using ECourt.Application.Enforcement;
using ECourt.Functions.Payments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECourt.Functions.Enforcement;

/// <summary>
/// Handles one message of queue bank-replies and settles it itself: read it (the JSON Schema of its type), apply it to its enforcement
/// case once (<see cref="RecordBankReply"/>), complete. A reply that cannot be read, or names no enforcement case, is dead-lettered with
/// the rule it broke; one its case sets aside (late, duplicate, larger than asked) is recorded there and completed; a transient failure
/// is abandoned so the reply comes again.
/// </summary>
public sealed class BankReplyHandler(RecordBankReply record, IOptions<BankMessagingOptions> options, ILogger<BankReplyHandler> log)
    : IBankMessageHandler
{
    public const string QueueName = "bank-replies";

    public string Queue => QueueName;

    public async Task<BankMessageOutcome> HandleAsync(ServiceBusReceivedMessage message, ServiceBusReceiver receiver, CancellationToken ct)
    {
        var read = BankReplyReader.Read(message.Body);
        if (read.Reply is not { } reply)
            return await BankMessageSettling.DeadLetterAsync(receiver, message, read.Rule!, read.Reason!, log, ct);
        try
        {
            var result = await record.RunAsync(reply, ct);
            if (result.Outcome == RecordBankReply.Outcome.UnknownCase)
                return await BankMessageSettling.DeadLetterAsync(receiver, message, "unknown-request", result.Reason!, log, ct);
            await receiver.CompleteMessageAsync(message, ct);
            if (result.Reason is not null) log.LogInformation("Bank reply {RequestId} set aside: {Reason}", reply.RequestId, result.Reason);
            return new BankMessageOutcome(BankSettlement.Completed, result.Reason);
        }
        catch (Exception ex) when (BankMessageSettling.IsTransient(ex) && !ct.IsCancellationRequested)
        {
            return await BankMessageSettling.RetryOrDeadLetterAsync(receiver, message, ex, options.Value.MaxDeliveries, log, ct);
        }
    }
}
