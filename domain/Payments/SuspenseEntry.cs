using System.Text.Json.Serialization;

namespace ECourt.Domain.Payments;

/// <summary>Money that matched no open case, waiting for finance staff to claim it to its case.</summary>
/// <param name="ClaimBy">the last day to claim it (3 working days by default), after which it is overdue</param>
/// <param name="Court">
/// the court whose finance staff keep it (<see cref="SuspenseRules.CourtOf"/>), decided when it is recorded; null in items
/// recorded before suspense was kept per court, whose court is decided the same way when they are read
/// </param>
public sealed record SuspenseEntry(string EntryId, BankCredit Credit, string Reason, DateTimeOffset RecordedAt, Calendar.Deadline? ClaimBy = null,
    SuspenseClaim? Claim = null, string? Court = null)
{
    /// <summary>Claimed to its case and booked there: no longer open.</summary>
    [JsonIgnore]
    public bool Claimed => Claim is { Completed: true };
}

/// <summary>
/// Who claimed a suspense item to which case, and when. A claim is reserved first (<paramref name="Completed"/> false)
/// and completed once the credit is booked to the case and its money moved; claims recorded before reservations
/// existed were written complete, which is what a missing flag reads as.
/// </summary>
/// <param name="ReservationId">
/// tells this reservation from an earlier one of the same deposit for the same case that was released; null in
/// reservations made before releases existed (<see cref="Reservation"/> then uses the time it was made)
/// </param>
public sealed record SuspenseClaim(string CaseId, string ClaimedBy, DateTimeOffset ClaimedAt, string? Note, bool Completed = true,
    string? ReservationId = null)
{
    [JsonIgnore]
    public string Reservation => ReservationId ?? ClaimedAt.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The item is reserved or claimed for another case: it goes to one case only.</summary>
public sealed class SuspenseClaimedElsewhereException(string entryId, string caseId)
    : DomainRuleException("suspense-already-claimed", $"The deposit {entryId} was already claimed to case {caseId}.")
{
    public string CaseId { get; } = caseId;
}

/// <summary>How a reservation of a deposit for a case ended, as that case's partition records it.</summary>
public enum ReservationOutcome
{
    /// <summary>The credit was booked to the case's ledger under this reservation.</summary>
    Booked,
    /// <summary>The reservation was given up before its credit was booked: it can no longer be booked under it.</summary>
    Released,
}

/// <summary>
/// A row of the reserved case's partition, written once, in the same transaction as the ledger entry when the credit is
/// booked, or alone when the reservation is released. Whichever is written first decides, so a claim still booking under a
/// reservation and a release of it cannot both succeed: the deposit ends booked to that case or free for another.
/// </summary>
public sealed record ReservationEnd(string EntryId, string Reservation, ReservationOutcome Outcome, DateTimeOffset At, string By,
    string? Note);
