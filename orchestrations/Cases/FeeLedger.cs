using ECourt.Domain.Cases;
using ECourt.Domain.Ports;

namespace ECourt.Orchestrations.Cases;

/// <summary>
/// Books a credit to a case's account: the ledger entry and its effect on the fee notice (and, when
/// the fee is now paid in time, the case's acceptance) in one transaction keyed by the bank and its
/// transaction id. The same credit booked twice is recorded once. Whoever books it then signals the
/// case's orchestration, which only reads the outcome from the table.
/// </summary>
public sealed class FeeLedger(ICaseStore store, FeeCollection fees, TimeProvider clock)
{
    /// <summary>Writers to one case queue up on its ETag; a burst of credits to one account (50 at once in the tests) needs room to retry.</summary>
    private const int MaxAttempts = 200;

    /// <summary>Returns whether this call recorded the credit (false: it was already recorded) and the case after it.</summary>
    public async Task<(bool Recorded, StoredCase Case)> RecordCreditAsync(string caseId, FeeCredit credit, CancellationToken ct = default)
    {
        var (outcome, stored) = await BookAsync(caseId, credit, ct);
        if (outcome == CreditOutcome.CaseClosed)
            throw new Domain.DomainRuleException("case-closed", $"The case is {stored.Case.Status}; its account takes no more credits.");
        return (outcome == CreditOutcome.Recorded, stored);
    }

    public enum CreditOutcome
    {
        Recorded,
        AlreadyRecorded,
        /// <summary>The case has ended (returned, rejected, withdrawn): the money belongs in suspense.</summary>
        CaseClosed,
    }

    public async Task<(CreditOutcome Outcome, StoredCase Case)> BookAsync(string caseId, FeeCredit credit, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stored = await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId);
            if (stored.Case.Status.IsFinal())
                // A credit booked before the case closed is the case's, even when its message comes again afterwards.
                return (await store.GetLedgerEntryAsync(caseId, credit.Key, ct) is null ? CreditOutcome.CaseClosed : CreditOutcome.AlreadyRecorded, stored);
            var now = clock.GetUtcNow();
            var (changed, ev) = fees.ApplyCredit(stored.Case, credit, now);
            var entry = new LedgerEntry(credit.Key, "credit", credit.Amount, credit.BankCode, credit.BankTransactionId, credit.BookedAt, now);
            try
            {
                return await store.RecordCreditAsync(changed, [ev], stored.ETag, entry, ct)
                    ? (CreditOutcome.Recorded, new StoredCase(changed, stored.ETag))
                    : (CreditOutcome.AlreadyRecorded, stored);
            }
            catch (ConcurrentChangeException) when (attempt < MaxAttempts)
            {
            }
        }
    }
}
