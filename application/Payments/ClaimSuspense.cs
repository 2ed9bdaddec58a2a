using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain;
using ECourt.Domain.Access;
using ECourt.Domain.Cases;
using ECourt.Domain.Payments;

namespace ECourt.Application.Payments;

/// <summary>
/// Finance staff claim an unmatched deposit of their court to a case of their court. A case that cannot take the credit
/// (ended, or not registered: no account or fee notice yet) is refused before anything is reserved. The deposit belongs to
/// one case only, so the steps are ordered for that: reserve the suspense item for the case (under its ETag: of two racing
/// claims one wins) → book the credit to the case's ledger (once, keyed by bank and transaction id, with the reservation
/// recorded as booked in the same transaction) → move its money from suspense to the case's court in the funds register
/// (once, by its markers) → complete the claim. A crash after any step is finished by claiming again to the same case; a
/// claim to another case is refused until the reservation is released (<see cref="ReleaseSuspense"/>). A booking the case
/// refuses after all (it ended meanwhile) releases the reservation (<see cref="SuspenseReservations.EndAsync"/>).
/// </summary>
public sealed class ClaimSuspense(ISuspenseLedger suspense, SuspenseCourts courts, SuspenseReservations reservations, ICaseStore store,
    BookCredit ledger, CaseCreditEffects effects, CaseSignals signals, TimeProvider clock)
{
    /// <param name="AmountPaid">what the case's account has received in all, the claimed deposit included</param>
    public sealed record Claimed(SuspenseEntry Entry, StoredCase Case, decimal AmountPaid);

    public sealed record Request([property: Required, Form(FieldForm.CaseId), Bound(Bounds.Code)] string? CaseId,
        [property: Bound(Bounds.Note)] string? Note);

    /// <exception cref="ConflictException">
    /// the deposit is reserved or claimed for another case, or the case cannot take it (ended, not registered)
    /// </exception>
    public async Task<Claimed> RunAsync(string entryId, CourtUser caller, Request r, CancellationToken ct)
    {
        var entry = await courts.KeptForAsync(entryId, caller, ct);
        var v = new Validation();
        v.Check(CaseId.IsValid(r.CaseId), "caseId", "The case to claim the deposit to: cs and 24 hex digits.");
        var note = v.Text(r.Note, "note", required: false);
        v.ThrowIfAny();
        var stored = await store.GetAsync(r.CaseId!, ct);
        // Finance staff keep the accounts of their own court's cases.
        if (stored is null || !caller.IsStaffOf(stored.Case.Court, Roles.Finance)) throw new NotFoundException("such case");
        if (entry.Claim is { } earlier && earlier.CaseId != r.CaseId)
            throw new ConflictException("suspense-already-claimed", $"The deposit was already claimed to case {earlier.CaseId}.");
        // Checked again where the credit is booked; here so that a wrong case holds no deposit while it is refused.
        if (CaseClosed(stored.Case) is { } closed) throw closed;
        if (effects.For(stored.Case).Refusal(stored.Case) is { } refused) throw new ConflictException(refused.Rule, refused.Message);
        Claimed claimed;
        try
        {
            claimed = await ClaimAsync(entry, r.CaseId!, caller.Id, note, startOver: true, ct);
        }
        catch (SuspenseClaimedElsewhereException elsewhere)
        {
            throw new ConflictException(elsewhere.Rule, elsewhere.Message);
        }
        await signals.CaseChangedAsync(claimed.Case.Case, "ClaimSuspense", ct);
        return claimed;
    }

    private static ConflictException? CaseClosed(CourtCase c) =>
        c.Status.IsFinal() ? new ConflictException("case-closed", $"The case is {c.Status}; its account takes no more credits.") : null;

    /// <param name="startOver">
    /// a reservation of this deposit for this case whose release was recorded first (finance staff released it, perhaps not to
    /// the end) cannot be booked: finish its release and claim with a new reservation, once
    /// </param>
    private async Task<Claimed> ClaimAsync(SuspenseEntry entry, string caseId, string claimedBy, string? note, bool startOver,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var reserved = await suspense.ReserveAsync(entry.EntryId,
            new SuspenseClaim(caseId, claimedBy, now, note, Completed: false, ReservationId: Guid.NewGuid().ToString("N")), ct);
        var held = reserved.Claim!;
        var deposit = reserved.Credit;
        var credit = new FeeCredit(deposit.BankCode, deposit.BankTransactionId, deposit.Amount, deposit.BookedAt);
        BookCredit.CreditOutcome outcome;
        StoredCase booked;
        try
        {
            (outcome, booked) = await ledger.ToCaseAsync(caseId, credit, ct,
                new ReservationEnd(entry.EntryId, held.Reservation, ReservationOutcome.Booked, now, claimedBy, note));
        }
        catch (DomainRuleException refused)
        {
            await reservations.EndAsync(reserved, claimedBy, refused.Message, ct);
            throw new ConflictException(refused.Rule, refused.Message);
        }
        switch (outcome)
        {
            case BookCredit.CreditOutcome.CaseClosed:
                var closed = CaseClosed(booked.Case)!;
                await reservations.EndAsync(reserved, claimedBy, closed.Message, ct);
                throw closed;
            case BookCredit.CreditOutcome.ReservationReleased when startOver:
                await reservations.EndAsync(reserved, claimedBy, note, ct);
                return await ClaimAsync(entry, caseId, claimedBy, note, startOver: false, ct);
            case BookCredit.CreditOutcome.ReservationReleased:
                throw new ConflictException("suspense-reservation-released",
                    $"The deposit's reservation for case {caseId} was released while this claim booked it; claim it again.");
        }
        return new Claimed(await reservations.CompleteAsync(reserved, caseId, booked.Case.Court, ct), booked,
            effects.For(booked.Case).Received(booked.Case));
    }
}
