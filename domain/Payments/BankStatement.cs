namespace ECourt.Domain.Payments;

/// <summary>A bank's statement of one China-time day's credits to case accounts, as read from its message.</summary>
public sealed record BankStatement(string BankCode, DateOnly StatementDate, IReadOnlyList<StatementEntry> Entries, int Count, decimal Total);

/// <summary>One credit as the bank's statement shows it.</summary>
public sealed record StatementEntry(string BankTransactionId, string AccountNumber, decimal Amount, DateTimeOffset BookedAt);
