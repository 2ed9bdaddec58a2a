using System.Text.Json.Serialization;
using ECourt.Application.Cases;
using ECourt.Domain.Payments;

namespace ECourt.Application.Payments;

/// <summary>How a deposit's reservation for a case ended.</summary>
public enum SuspenseReleaseOutcome
{
    /// <summary>The case's ledger lacked the credit: the deposit is reserved for no case and can be claimed to its case.</summary>
    [JsonStringEnumMemberName("released")]
    Released,
    /// <summary>The case's ledger has the credit: the claim was completed instead, and the deposit is that case's.</summary>
    [JsonStringEnumMemberName("claimed")]
    Claimed,
}

/// <summary>
/// The end of a deposit's reservation for a case, for a claim that cannot be booked and for finance staff's release: the
/// reserved case's partition first records the reservation as released (<see cref="ReservationEnd"/>, once), so that a claim
/// still booking under it can no longer book; then its ledger is read. With the credit there (booked before the release was
/// recorded) the claim is completed: money moved from suspense to the case's court, item marked claimed. Without it the item
/// is released. A deposit is never booked to two cases, and a crash between any two steps leaves it reserved (ending it
/// again finishes) or released.
/// </summary>
public sealed class SuspenseReservations(ISuspenseLedger suspense, ICaseStore store, CaseChanges changes, ICourtFunds funds,
    TimeProvider clock)
{
    public sealed record Ended(SuspenseReleaseOutcome Outcome, SuspenseEntry Entry, StoredCase? Case);

    /// <summary>The credit is booked to the case: its money moves from suspense to the case's court, then the claim completes.</summary>
    public async Task<SuspenseEntry> CompleteAsync(SuspenseEntry entry, string caseId, string court, CancellationToken ct)
    {
        await funds.TransferAsync(entry.EntryId, FundsHolder.Suspense, court, entry.Credit.Amount, ct);
        return await suspense.CompleteClaimAsync(entry.EntryId, caseId, ct);
    }

    /// <summary>Ends the item's reservation (<paramref name="reserved"/> holds one not completed): released, or completed.</summary>
    public async Task<Ended> EndAsync(SuspenseEntry reserved, string by, string? note, CancellationToken ct)
    {
        var held = reserved.Claim is { Completed: false } claim
            ? claim
            : throw new InvalidOperationException($"Suspense item {reserved.EntryId} is not reserved.");
        // Written once: there already, it was written by an earlier try, or (booked) with the ledger entry read next.
        var released = new ReservationEnd(reserved.EntryId, held.Reservation, ReservationOutcome.Released, clock.GetUtcNow(), by, note);
        var id = LedgerRows.ReservationEndId(released.EntryId, released.Reservation);
        await changes.InsertRowAsync(held.CaseId, LedgerRows.ReservationEnds, id, released, ct);
        if (await store.GetRowAsync(held.CaseId, LedgerRows.Ledger, reserved.EntryId, ct) is null)
            return new Ended(SuspenseReleaseOutcome.Released, await suspense.ReleaseAsync(reserved.EntryId, held, ct), null);
        var booked = await store.GetAsync(held.CaseId, ct) ?? throw new CaseNotFoundException(held.CaseId);
        return new Ended(SuspenseReleaseOutcome.Claimed, await CompleteAsync(reserved, held.CaseId, booked.Case.Court, ct), booked);
    }
}
