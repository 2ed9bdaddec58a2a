namespace ECourt.Domain.Payments;

/// <summary>A credit a bank reports to a case account, as read from its message.</summary>
public sealed record BankCredit(
    string BankCode,
    string BankTransactionId,
    string AccountNumber,
    decimal Amount,
    string Currency,
    string? PayerName,
    string? PayerAccount,
    string? Channel,
    DateOnly ValueDate,
    DateTimeOffset BookedAt)
{
    /// <summary>Transaction ids are unique only within one bank: the Service Bus message id and the ledger key carry both.</summary>
    public string Key => MessageIdFor(BankCode, BankTransactionId);

    public static string MessageIdFor(string bankCode, string bankTransactionId) => $"{bankCode}:{bankTransactionId}";
}
