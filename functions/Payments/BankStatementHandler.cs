using Azure.Messaging.ServiceBus;
using ECourt.Adapters.BankMessages;
using ECourt.Application.Payments;
using ECourt.Domain.Payments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECourt.Functions.Payments;

/// <summary>
/// Handles one message of queue bank-statements: read it (JSON Schema), check its count, total and one China-time day,
/// reconcile it (<see cref="ReconcileStatement"/>), complete. Reconciling the same statement again replaces the earlier
/// result, so a redelivery or a corrected statement is safe.
/// </summary>
public sealed class BankStatementHandler(ReconcileStatement reconcile, IOptions<BankMessagingOptions> options, ILogger<BankStatementHandler> log) : IBankMessageHandler
{
    public const string QueueName = "bank-statements";

    public string Queue => QueueName;

    public async Task<BankMessageOutcome> HandleAsync(ServiceBusReceivedMessage message, ServiceBusReceiver receiver, CancellationToken ct)
    {
        var read = BankStatementReader.Read(message.Body);
        if (read.Statement is not { } statement)
            return await BankMessageSettling.DeadLetterAsync(receiver, message, read.Rule!, read.Reason!, log, ct);
        if (BankStatementRules.Broken(statement) is { } broken)
            return await BankMessageSettling.DeadLetterAsync(receiver, message, broken.Rule, broken.Reason, log, ct);
        try
        {
            var report = await reconcile.RunAsync(statement, ct);
            await receiver.CompleteMessageAsync(message, ct);
            return new BankMessageOutcome(BankSettlement.Completed, report.Balanced ? null : "mismatch");
        }
        catch (Exception ex) when (BankMessageSettling.IsTransient(ex) && !ct.IsCancellationRequested)
        {
            return await BankMessageSettling.RetryOrDeadLetterAsync(receiver, message, ex, options.Value.MaxDeliveries, log, ct);
        }
    }
}
