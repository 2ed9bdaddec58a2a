using Azure.Messaging.ServiceBus;
using ECourt.Adapters.Banking;
using ECourt.Domain.Banking;
using ECourt.Domain.Courts;
using ECourt.Domain.Fees;
using ECourt.Domain.Ports;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECourt.Functions.Banking;

/// <summary>
/// Handles one message of queue bank-statements: validate (schema, count, total, one China-time day) →
/// read what the court booked from that bank on that day (each court's funds register and suspense, one
/// range query each) → compare by transaction id → store the result → complete. Reconciling the same
/// statement again replaces the earlier result, so a redelivery or a corrected statement is safe.
/// </summary>
public sealed class BankStatementHandler(ICourtFunds funds, IReconciliationStore reconciliations, CourtDirectory courts, TimeProvider clock,
    IOptions<BankMessagingOptions> options, ILogger<BankStatementHandler> log) : IBankMessageHandler
{
    public const string QueueName = "bank-statements";

    public string Queue => QueueName;

    public async Task<BankMessageOutcome> HandleAsync(ServiceBusReceivedMessage message, ServiceBusReceiver receiver, DurableTaskClient? client, CancellationToken ct)
    {
        var read = BankStatementReader.Read(message.Body);
        if (read.Statement is not { } statement)
            return await BankMessageSettling.DeadLetterAsync(receiver, message, read.Rule!, read.Reason!, log, ct);
        if (BankStatementRules.Broken(statement) is { } broken)
            return await BankMessageSettling.DeadLetterAsync(receiver, message, broken.Rule, broken.Reason, log, ct);
        try
        {
            var report = await ReconcileAsync(statement, ct);
            await receiver.CompleteMessageAsync(message, ct);
            return new BankMessageOutcome(BankSettlement.Completed, report.Balanced ? null : "mismatch");
        }
        catch (Exception ex) when (BankMessageSettling.IsTransient(ex) && !ct.IsCancellationRequested)
        {
            return await BankMessageSettling.RetryOrDeadLetterAsync(receiver, message, ex, options.Value.MaxDeliveries, log, ct);
        }
    }

    public async Task<ReconciliationReport> ReconcileAsync(BankStatement statement, CancellationToken ct)
    {
        var holders = courts.All.Select(c => c.Code).Append(FundsHolder.Suspense);
        var booked = (await Task.WhenAll(holders.Select(h => funds.BookedOnAsync(h, statement.BankCode, statement.StatementDate, ct)))).SelectMany(b => b).ToList();
        var report = Reconciliation.Compare(statement, booked);
        var now = clock.GetUtcNow();
        // Each run its own id, so a new run never overwrites the lines the current summary points at.
        await reconciliations.SaveAsync(report, now, Guid.NewGuid().ToString("N"), ct);
        if (report.Balanced)
            log.LogInformation("Bank {Bank} {Date:yyyy-MM-dd}: {Count} credits, {Total} yuan, balanced", statement.BankCode, statement.StatementDate,
                statement.Count, Yuan.Format(statement.Total));
        else
            log.LogWarning("Bank {Bank} {Date:yyyy-MM-dd} does not reconcile: statement {StatementTotal}, books {BookedTotal}; {Mismatches} lines differ",
                statement.BankCode, statement.StatementDate, Yuan.Format(report.StatementTotal), Yuan.Format(report.BookedTotal),
                report.Lines.Count(l => l.Kind != ReconciliationKind.Matched));
        return report;
    }
}
