using ECourt.Application.Cases;
using ECourt.Domain.Cases;
using ECourt.Domain.Payments;

namespace ECourt.Application.Payments;

/// <summary>The case's ledger: one row per credit, "led-{bankCode}:{bankTransactionId}", its own de-duplication record.</summary>
public static class LedgerRows
{
    public static readonly CaseRowKind<LedgerEntry> Ledger = new("led-");

    /// <summary>"sus-{bankCode}:{bankTransactionId}|{reservation}": how a reservation of a suspense deposit for the case ended.</summary>
    public static readonly CaseRowKind<ReservationEnd> ReservationEnds = new("sus-");

    public static string ReservationEndId(string entryId, string reservation) => $"{entryId}|{reservation}";

    public static CaseRow ReservationEndRow(ReservationEnd end) =>
        CaseRow.Of(ReservationEnds, ReservationEndId(end.EntryId, end.Reservation), end);
}

/// <summary>
/// What a credit to a case's account means for the case (for a first-instance case, a payment of its fee). Declared by
/// Payments, which books the credit; implemented by the stage whose money it is.
/// </summary>
public interface ICaseCreditEffect
{
    /// <summary>Why the case cannot take a credit (not registered yet), or null; a case that has ended is refused by the ledger.</summary>
    Domain.DomainRuleException? Refusal(CourtCase c);

    (CourtCase Case, CaseEvent Event) Apply(CourtCase c, FeeCredit credit, DateTimeOffset at);

    /// <summary>What the case's account has received in all, as that stage counts it.</summary>
    decimal Received(CourtCase c);
}
