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
/// What a credit to a case's account means for the case (for a first-instance case, a payment of its fee; for an enforcement
/// case, funds received). Declared by Payments, which books the credit; implemented by each stage whose money it is, for the
/// cases it <see cref="Applies"/> to.
/// </summary>
public interface ICaseCreditEffect
{
    /// <summary>True for the cases whose credits this stage's effect decides.</summary>
    bool Applies(CourtCase c);

    /// <summary>True when the credit booked to the case may move its lifecycle (it is signalled).</summary>
    bool WakesLifecycle(CourtCase c);

    /// <summary>Why the case cannot take a credit (not registered yet), or null; a case that has ended is refused by the ledger.</summary>
    Domain.DomainRuleException? Refusal(CourtCase c);

    (CourtCase Case, CaseEvent Event) Apply(CourtCase c, FeeCredit credit, DateTimeOffset at);

    /// <summary>What the case's account has received in all, as that stage counts it.</summary>
    decimal Received(CourtCase c);

    /// <summary>The case's own account number (none before it is issued).</summary>
    string? AccountNumber(CourtCase c);
}

/// <summary>The effect that applies to a case, among those the stages register.</summary>
public sealed class CaseCreditEffects(IEnumerable<ICaseCreditEffect> effects)
{
    private readonly IReadOnlyList<ICaseCreditEffect> _effects = effects.ToList();

    public ICaseCreditEffect For(CourtCase c) => _effects.SingleOrDefault(e => e.Applies(c))
        ?? throw new InvalidOperationException($"No stage decides what a credit to case {c.CaseId} ({c.CaseType}) means.");
}
