using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Payments;

namespace ECourt.Application.Payments;

/// <summary>
/// Finance staff claim an unmatched deposit to its case. The deposit belongs to one case only, so the steps are
/// ordered for that: reserve the suspense item for the case (under its ETag: of two racing claims one wins) →
/// book the credit to the case's ledger (once, keyed by bank and transaction id) → move its money from suspense
/// to the case's court in the funds register (once, by its markers) → complete the claim. A crash after any step
/// is finished by claiming again to the same case; a claim to another case is refused.
/// </summary>
public sealed class ClaimSuspense(ISuspenseLedger suspense, ICaseStore store, BookCredit ledger, ICaseCreditEffect effect,
    ICourtFunds funds, CaseSignals signals, TimeProvider clock)
{
    /// <param name="AmountPaid">what the case's account has received in all, the claimed deposit included</param>
    public sealed record Claimed(SuspenseEntry Entry, StoredCase Case, decimal AmountPaid);

    public sealed record Request(string? CaseId, string? Note);

    /// <exception cref="ConflictException">the deposit is reserved or claimed for another case, or the case's account is closed</exception>
    public async Task<Claimed> RunAsync(string entryId, CourtUser caller, Request r, CancellationToken ct)
    {
        if (!Domain.Payments.SuspenseRules.IsEntryId(entryId)) throw new NotFoundException("such suspense item");
        var entry = await suspense.GetAsync(entryId, ct) ?? throw new NotFoundException("such suspense item");
        var v = new Validation();
        v.Check(Domain.Cases.CaseId.IsValid(r.CaseId), "caseId", "The case to claim the deposit to: cs and 24 hex digits.");
        var note = v.Text(r.Note, "note", 500, required: false);
        v.ThrowIfAny();
        var stored = await store.GetAsync(r.CaseId!, ct);
        // Finance staff keep the accounts of their own court's cases.
        if (stored is null || !caller.IsStaffOf(stored.Case.Court, Roles.Finance)) throw new NotFoundException("such case");
        if (entry.Claim is { } earlier && earlier.CaseId != r.CaseId)
            throw new ConflictException("suspense-already-claimed", $"The deposit was already claimed to case {earlier.CaseId}.");
        Claimed claimed;
        try
        {
            claimed = await ClaimAsync(entry, r.CaseId!, caller.Id, note, ct);
        }
        catch (SuspenseClaimedElsewhereException elsewhere)
        {
            throw new ConflictException(elsewhere.Rule, elsewhere.Message);
        }
        await signals.CaseChangedAsync(claimed.Case.Case, "ClaimSuspense", ct);
        return claimed;
    }

    private async Task<Claimed> ClaimAsync(SuspenseEntry entry, string caseId, string claimedBy, string? note, CancellationToken ct)
    {
        var reserved = await suspense.ReserveAsync(entry.EntryId, new SuspenseClaim(caseId, claimedBy, clock.GetUtcNow(), note), ct);
        var credit = reserved.Credit;
        var (outcome, booked) = await ledger.ToCaseAsync(caseId,
            new FeeCredit(credit.BankCode, credit.BankTransactionId, credit.Amount, credit.BookedAt), ct);
        if (outcome == BookCredit.CreditOutcome.CaseClosed)
        {
            await suspense.ReleaseAsync(entry.EntryId, caseId, ct);
            throw new ConflictException("case-closed", $"The case is {booked.Case.Status}; its account takes no more credits.");
        }
        await funds.TransferAsync(entry.EntryId, FundsHolder.Suspense, booked.Case.Court, credit.Amount, ct);
        return new Claimed(await suspense.CompleteClaimAsync(entry.EntryId, caseId, ct), booked, effect.Received(booked.Case));
    }
}
