using ECourt.Application.Cases;
using ECourt.Domain.Cases;
using ECourt.Domain.Payments;

namespace ECourt.Application.Payments;

/// <summary>The case's ledger: one row per credit, "led-{bankCode}:{bankTransactionId}", its own de-duplication record.</summary>
public static class LedgerRows
{
    public static readonly CaseRowKind<LedgerEntry> Ledger = new("led-");
}

/// <summary>
/// What a credit to a case's account means for the case (for a first-instance case, a payment of its fee). Declared by
/// Payments, which books the credit; implemented by the stage whose money it is.
/// </summary>
public interface ICaseCreditEffect
{
    (CourtCase Case, CaseEvent Event) Apply(CourtCase c, FeeCredit credit, DateTimeOffset at);

    /// <summary>What the case's account has received in all, as that stage counts it.</summary>
    decimal Received(CourtCase c);
}
