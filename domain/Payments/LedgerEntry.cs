namespace ECourt.Domain.Payments;

/// <summary>A credit or payout on the case's account, a row of the case's partition keyed by bank and transaction id.</summary>
public sealed record LedgerEntry(string EntryId, string Kind, decimal Amount, string BankCode, string BankTransactionId, DateTimeOffset BookedAt, DateTimeOffset RecordedAt);
