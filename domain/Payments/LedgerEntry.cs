namespace ECourt.Domain.Payments;

/// <summary>
/// A credit or payout on the case's account, a row of the case's partition keyed by bank and transaction id; its amount is
/// positive and its kind says which way the money went.
/// </summary>
public sealed record LedgerEntry(string EntryId, string Kind, decimal Amount, string BankCode, string BankTransactionId,
    DateTimeOffset BookedAt, DateTimeOffset RecordedAt)
{
    public const string Credit = "credit";

    /// <summary>Money paid out of the account (enforcement funds to the creditor).</summary>
    public const string Payout = "payout";
}
