using ECourt.Domain.Payments;

namespace ECourt.Application.Payments;

/// <summary>
/// The court's funds register: every credit it received, by bank and China-time booking day (what
/// reconciliation compares with the bank's statement), and what each holder (a court, or suspense)
/// holds, kept as running totals written with each credit so nobody sums by scanning.
/// </summary>
public interface ICourtFunds
{
    /// <summary>
    /// Records the credit once (keyed by bank and transaction id) and adds it to its holder's total; false when it was already recorded.
    /// </summary>
    Task<bool> RecordAsync(BookedCredit credit, CancellationToken ct = default);

    /// <summary>Moves a recorded credit's money from one holder to another (a suspense item claimed to its case's court), once.</summary>
    Task<bool> TransferAsync(string creditKey, string fromHolder, string toHolder, decimal amount, CancellationToken ct = default);

    Task<FundsTotal> TotalAsync(string holder, CancellationToken ct = default);

    /// <summary>The credits of one bank booked on one China-time day, held by the given holder.</summary>
    Task<IReadOnlyList<BookedCredit>> BookedOnAsync(string holder, string bankCode, DateOnly day, CancellationToken ct = default);
}
