namespace ECourt.Domain.Payments;

/// <summary>
/// A credit to the case's account as the bank booked it. Transaction ids are unique only within
/// one bank, so a credit is identified by both.
/// </summary>
public sealed record FeeCredit(string BankCode, string BankTransactionId, decimal Amount, DateTimeOffset BookedAt)
{
    public string Key => $"{BankCode}:{BankTransactionId}";
}
