using ECourt.Domain.Banking;
using ECourt.Domain.Cases;
using ECourt.Domain.Ports;
using ECourt.Orchestrations.Cases;

namespace ECourt.Functions.Banking;

/// <summary>
/// Finance staff claim an unmatched deposit to its case. The deposit belongs to one case only, so the steps are
/// ordered for that: reserve the suspense item for the case (under its ETag: of two racing claims one wins) →
/// book the credit to the case's ledger (once, keyed by bank and transaction id) → move its money from suspense
/// to the case's court in the funds register (once, by its markers) → complete the claim. A crash after any step
/// is finished by claiming again to the same case; a claim to another case is refused.
/// </summary>
public sealed class ClaimSuspense(ISuspenseLedger suspense, FeeLedger ledger, ICourtFunds funds, TimeProvider clock)
{
    public sealed record Claimed(SuspenseEntry Entry, StoredCase Case);

    /// <exception cref="SuspenseClaimedElsewhereException">the deposit is reserved or claimed for another case</exception>
    /// <exception cref="Domain.DomainRuleException">case-closed: the case's account takes no more credits (the reservation is given up)</exception>
    public async Task<Claimed> ClaimAsync(SuspenseEntry entry, string caseId, string claimedBy, string? note, CancellationToken ct)
    {
        var reserved = await suspense.ReserveAsync(entry.EntryId, new SuspenseClaim(caseId, claimedBy, clock.GetUtcNow(), note), ct);
        var credit = reserved.Credit;
        var (outcome, booked) = await ledger.BookAsync(caseId, new FeeCredit(credit.BankCode, credit.BankTransactionId, credit.Amount, credit.BookedAt), ct);
        if (outcome == FeeLedger.CreditOutcome.CaseClosed)
        {
            await suspense.ReleaseAsync(entry.EntryId, caseId, ct);
            throw new Domain.DomainRuleException("case-closed", $"The case is {booked.Case.Status}; its account takes no more credits.");
        }
        await funds.TransferAsync(entry.EntryId, FundsHolder.Suspense, booked.Case.Court, credit.Amount, ct);
        return new Claimed(await suspense.CompleteClaimAsync(entry.EntryId, caseId, ct), booked);
    }
}
