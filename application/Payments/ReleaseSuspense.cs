using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Payments;

namespace ECourt.Application.Payments;

/// <summary>
/// Finance staff of the deposit's court release its reservation for a case (a claim to the wrong case, interrupted before it
/// was booked), so that the right case can claim it. Released only while the reserved case's ledger lacks the credit;
/// with the credit there the claim is completed instead (<see cref="SuspenseReservations.EndAsync"/>), so a deposit is never
/// booked to two cases. Releasing what is not reserved changes nothing and says how the deposit stands.
/// </summary>
public sealed class ReleaseSuspense(SuspenseCourts courts, SuspenseReservations reservations, CaseSignals signals)
{
    public sealed record Request([property: Bound(Bounds.Note)] string? Note);

    /// <param name="CaseId">the case the deposit was reserved for (released) or is claimed to; null when it was reserved for none</param>
    public sealed record Released(SuspenseReleaseOutcome Outcome, SuspenseEntry Entry, string? CaseId);

    public async Task<Released> RunAsync(string entryId, CourtUser caller, Request r, CancellationToken ct)
    {
        var entry = await courts.KeptForAsync(entryId, caller, ct);
        var v = new Validation();
        var note = v.Text(r.Note, "note", required: false);
        v.ThrowIfAny();
        switch (entry.Claim)
        {
            case null:
                return new Released(SuspenseReleaseOutcome.Released, entry, null);
            case { Completed: true } claimed:
                return new Released(SuspenseReleaseOutcome.Claimed, entry, claimed.CaseId);
        }
        var ended = await reservations.EndAsync(entry, caller.Id, note, ct);
        if (ended.Case is { } booked) await signals.CaseChangedAsync(booked.Case, "ReleaseSuspense", ct);
        return new Released(ended.Outcome, ended.Entry, entry.Claim.CaseId);
    }
}
