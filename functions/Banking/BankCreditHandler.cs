using Azure;
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
/// transaction keyed by bank and transaction id (a conflict means it was already booked) → signal the
/// case's orchestration when the credit settled the fee → complete. Money for no open case goes to the suspense ledger and the message
/// completes. A bad message is dead-lettered naming the rule; a transient failure is abandoned so it
/// comes again, and dead-lettered with its last error after the configured number of deliveries.
/// Every step can be repeated: a crash anywhere leads, on redelivery, to exactly one ledger entry.
/// </summary>
public sealed class BankCreditHandler(
    ICaseIndex index, FeeLedger ledger, ISuspenseLedger suspense, CaseSignals signals, DeadlineCalculator deadlines, TimeProvider clock,
    IOptions<BankMessagingOptions> options, ILogger<BankCreditHandler> log)
{
    public async Task<BankMessageOutcome> HandleAsync(ServiceBusReceivedMessage message, ServiceBusReceiver receiver, DurableTaskClient? client, CancellationToken ct)
    {
        var read = BankCreditReader.Read(message.Body);
        if (read.Credit is not { } credit)
            return await DeadLetterAsync(receiver, message, read.Rule!, read.Reason!, ct);
        if (BankCreditRules.Broken(credit, message.MessageId) is { } broken)
            return await DeadLetterAsync(receiver, message, broken.Rule, broken.Reason, ct);

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
                    await ToSuspenseAsync(credit, $"Case {caseId} is {stored.Case.Status}; its account is closed.", ct);
                else if (client is not null && stored.Case.Status == CaseStatus.Accepted)
                    // Only a credit that settles the fee moves the lifecycle; a part payment leaves the orchestration's
                    // deadline as it is. Raised again on a redelivery: the orchestration reads the table, so twice is harmless.
                    await signals.CaseChangedAsync(client, stored.Case, "BankCredit", ct);
            }
            await receiver.CompleteMessageAsync(message, ct);
            return new BankMessageOutcome(BankSettlement.Completed, null);
        }
        catch (Exception ex) when (IsTransient(ex) && !ct.IsCancellationRequested)
        {
            if (message.DeliveryCount >= options.Value.MaxDeliveries)
                return await DeadLetterAsync(receiver, message, "transient-failure",
                    $"Still failing after {message.DeliveryCount} deliveries: {ex.GetType().Name}: {ex.Message}", ct);
            log.LogWarning(ex, "Bank credit {MessageId}: transient failure on delivery {Delivery}; abandoned for redelivery", message.MessageId, message.DeliveryCount);
            await receiver.AbandonMessageAsync(message, cancellationToken: ct);
            return new BankMessageOutcome(BankSettlement.Abandoned, ex.Message);
        }
    }

    private async Task ToSuspenseAsync(BankCredit credit, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claimBy = SuspenseRules.ClaimDeadline(deadlines, now, options.Value.SuspenseClaimWorkingDays);
        var recorded = await suspense.RecordAsync(new SuspenseEntry(credit.Key, credit, reason, now, claimBy), ct);
        log.LogInformation("Bank credit {Key} to suspense ({Recorded}): {Reason}", credit.Key, recorded ? "new" : "already there", reason);
    }

    private async Task<BankMessageOutcome> DeadLetterAsync(ServiceBusReceiver receiver, ServiceBusReceivedMessage message, string rule, string reason, CancellationToken ct)
    {
        log.LogWarning("Bank credit {MessageId} dead-lettered: {Rule}: {Reason}", message.MessageId, rule, reason);
        // Service Bus keeps at most 4096 characters of a dead-letter description.
        await receiver.DeadLetterMessageAsync(message, rule, reason.Length > 4000 ? reason[..4000] : reason, ct);
        return new BankMessageOutcome(BankSettlement.DeadLettered, $"{rule}: {reason}");
    }

    /// <summary>Failures that a later delivery may not meet: storage or the network unavailable, throttling, timeouts.</summary>
    public static bool IsTransient(Exception ex) => ex switch
    {
        RequestFailedException r => r.Status is 0 or 408 or 429 or >= 500,
        // The case kept changing under every retry: try the whole message again later.
        ConcurrentChangeException => true,
        HttpRequestException or TimeoutException or IOException => true,
        TaskCanceledException => true,
        AggregateException a => a.InnerExceptions.All(IsTransient),
        _ => false,
    };
}
