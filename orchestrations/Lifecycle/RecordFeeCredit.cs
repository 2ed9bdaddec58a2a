using ECourt.Domain.Cases;
using ECourt.Domain.Ports;
using ECourt.Orchestrations.Cases;

namespace ECourt.Orchestrations.Lifecycle;

/// <summary>
/// Records a credit on the case's ledger and applies it to the fee notice, in one transaction keyed by
/// the bank and its transaction id: the same credit raised twice is recorded once.
/// </summary>
public sealed class RecordFeeCredit(ICaseStore store, FeeCollection fees, TimeProvider clock) : ICaseActivity<FeeCreditBooked, bool>
{
    public async Task<bool> RunAsync(FeeCreditBooked input, CancellationToken ct = default)
    {
        var credit = new FeeCredit(input.BankCode, input.BankTransactionId, input.Amount, input.BookedAt);
        for (var attempt = 0; ; attempt++)
        {
            var stored = await store.GetAsync(input.CaseId, ct) ?? throw new CaseNotFoundException(input.CaseId);
            var now = clock.GetUtcNow();
            var (changed, ev) = fees.ApplyCredit(stored.Case, credit, now);
            var entry = new LedgerEntry(credit.Key, "credit", credit.Amount, credit.BankCode, credit.BankTransactionId, credit.BookedAt, now);
            try
            {
                return await store.RecordCreditAsync(changed, [ev], stored.ETag, entry, ct);
            }
            catch (ConcurrentChangeException) when (attempt < 20)
            {
            }
        }
    }
}
