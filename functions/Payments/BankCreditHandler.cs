using Azure.Messaging.ServiceBus;
using ECourt.Adapters.BankMessages;
using ECourt.Application.Payments;
using ECourt.Domain.Payments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECourt.Functions.Payments;

/// <summary>
/// Handles one message of queue bank-credits and settles it itself: read it (JSON Schema), check the credit rules and
/// the message id, book it (<see cref="BookCredit"/>: to its case's ledger, or to suspense), complete. A bad message is
/// dead-lettered naming the rule; a transient failure is abandoned so it comes again. Every step of booking can be
/// repeated, so a crash anywhere leads on redelivery to exactly one ledger entry and one entry in the funds register.
/// </summary>
public sealed class BankCreditHandler(BookCredit book, IOptions<BankMessagingOptions> options, ILogger<BankCreditHandler> log) : IBankMessageHandler
{
    public const string QueueName = "bank-credits";

    public string Queue => QueueName;

    public async Task<BankMessageOutcome> HandleAsync(ServiceBusReceivedMessage message, ServiceBusReceiver receiver, CancellationToken ct)
    {
        var read = BankCreditReader.Read(message.Body);
        if (read.Credit is not { } credit)
            return await BankMessageSettling.DeadLetterAsync(receiver, message, read.Rule!, read.Reason!, log, ct);
        if (BankCreditRules.Broken(credit, message.MessageId) is { } broken)
            return await BankMessageSettling.DeadLetterAsync(receiver, message, broken.Rule, broken.Reason, log, ct);
        try
        {
            await book.RunAsync(credit, ct);
            await receiver.CompleteMessageAsync(message, ct);
            return new BankMessageOutcome(BankSettlement.Completed, null);
        }
        catch (Exception ex) when (BankMessageSettling.IsTransient(ex) && !ct.IsCancellationRequested)
        {
            return await BankMessageSettling.RetryOrDeadLetterAsync(receiver, message, ex, options.Value.MaxDeliveries, log, ct);
        }
    }
}
