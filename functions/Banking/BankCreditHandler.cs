using Azure.Messaging.ServiceBus;
using ECourt.Adapters.Banking;
using ECourt.Domain.Accounts;
using ECourt.Domain.Banking;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Ports;
using ECourt.Functions.Lifecycle;
using ECourt.Orchestrations.Cases;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECourt.Functions.Banking;

/// <summary>
/// Handles one message of queue bank-credits and settles it itself: validate (schema, rules, message
/// id) → find the case by its account (one point read) → book the credit to the case's ledger in one
/// transaction keyed by bank and transaction id (a conflict means it was already booked) → record it in
/// the court's funds register (keyed the same way; what reconciliation and the court's totals read) →
/// signal the case's orchestration when the credit settled the fee → complete. Money for no open case
/// goes to the suspense ledger and the message completes. A bad message is dead-lettered naming the rule;
/// a transient failure is abandoned so it comes again. Every step can be repeated: a crash anywhere leads,
/// on redelivery, to exactly one ledger entry and one entry in the register.
/// </summary>
public sealed class BankCreditHandler(
    ICaseIndex index, FeeLedger ledger, ISuspenseLedger suspense, ICourtFunds funds, CaseSignals signals, DeadlineCalculator deadlines, TimeProvider clock,
    IOptions<BankMessagingOptions> options, ILogger<BankCreditHandler> log) : IBankMessageHandler
{
    public const string QueueName = "bank-credits";

    public string Queue => QueueName;

    public async Task<BankMessageOutcome> HandleAsync(ServiceBusReceivedMessage message, ServiceBusReceiver receiver, DurableTaskClient? client, CancellationToken ct)
    {
        var read = BankCreditReader.Read(message.Body);
        if (read.Credit is not { } credit)
            return await BankMessageSettling.DeadLetterAsync(receiver, message, read.Rule!, read.Reason!, log, ct);
        if (BankCreditRules.Broken(credit, message.MessageId) is { } broken)
            return await BankMessageSettling.DeadLetterAsync(receiver, message, broken.Rule, broken.Reason, log, ct);

        try
        {
            var caseId = VirtualAccountNumber.IsValid(credit.AccountNumber) ? await index.FindCaseByAccountAsync(credit.AccountNumber, ct) : null;
            if (caseId is null)
            {
                await ToSuspenseAsync(credit, $"No case has account {credit.AccountNumber}.", ct);
            }
            else
            {
                var (outcome, stored) = await ledger.BookAsync(caseId, new FeeCredit(credit.BankCode, credit.BankTransactionId, credit.Amount, credit.BookedAt), ct);
                if (outcome == FeeLedger.CreditOutcome.CaseClosed)
                {
                    await ToSuspenseAsync(credit, $"Case {caseId} is {stored.Case.Status}; its account is closed.", ct);
                }
                else
                {
                    await funds.RecordAsync(BookedCredit.ToCase(credit, stored.Case.Court, caseId), ct);
                    if (stored.Case.Status == CaseStatus.Accepted)
                        // Only a credit that settles the fee moves the lifecycle; a part payment leaves the orchestration's
                        // deadline as it is. Raised again on a redelivery: the orchestration reads the table, so twice is harmless.
                        // Without a durable client (the Functions app) the signal goes by queue case-signals.
                        await signals.CaseChangedAsync(client, stored.Case, "BankCredit", ct);
                }
            }
            await receiver.CompleteMessageAsync(message, ct);
            return new BankMessageOutcome(BankSettlement.Completed, null);
        }
        catch (Exception ex) when (BankMessageSettling.IsTransient(ex) && !ct.IsCancellationRequested)
        {
            return await BankMessageSettling.RetryOrDeadLetterAsync(receiver, message, ex, options.Value.MaxDeliveries, log, ct);
        }
    }

    private async Task ToSuspenseAsync(BankCredit credit, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claimBy = SuspenseRules.ClaimDeadline(deadlines, now, options.Value.SuspenseClaimWorkingDays);
        var recorded = await suspense.RecordAsync(new SuspenseEntry(credit.Key, credit, reason, now, claimBy), ct);
        await funds.RecordAsync(BookedCredit.ToSuspense(credit), ct);
        log.LogInformation("Bank credit {Key} to suspense ({Recorded}): {Reason}", credit.Key, recorded ? "new" : "already there", reason);
    }
}
