namespace ECourt.Domain.Fees;

/// <summary>
/// The notice to pay the acceptance fee: the amount from the schedule, the case's account, and the
/// period. <see cref="LedgerCheckAt"/> is when the ledger is read again after the period's end and the
/// court's grace for credits in transit. <see cref="ServedOn"/> is the China-time date the notice was served (D); the period runs
/// 7 days from the day after (Measures art. 22) and ends at 24:00 China time of <see cref="DueDate"/>.
/// <see cref="GraceWorkingDays"/> is the court's grace the period was given (absent in notices issued before it was
/// kept: the court's default then, one working day), so that the period can be counted again on a published calendar.
/// </summary>
public sealed record FeeNotice(
    string AccountNumber,
    decimal AmountDue,
    string Basis,
    DateTimeOffset IssuedAt,
    DateOnly? ServedOn,
    DateOnly? DueDate,
    DateTimeOffset? PeriodEndsAt,
    DateTimeOffset? LedgerCheckAt,
    bool DueDateProvisional,
    decimal AmountPaid,
    decimal AmountPaidInTime,
    bool Waived,
    int? GraceWorkingDays = null)
{
    public bool Paid => Waived || AmountPaidInTime >= AmountDue;

    /// <summary>What the party paid beyond the fee, refundable.</summary>
    public decimal Overpaid => AmountPaid > AmountDue ? AmountPaid - AmountDue : 0m;
}
