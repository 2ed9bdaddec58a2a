using ECourt.Domain.Money;

namespace ECourt.Domain.Payments;

/// <summary>
/// The rules a credit message must keep beyond its schema. A message that breaks one is dead-lettered
/// with the rule's name; money that arrived for no case is not refused but kept in suspense.
/// </summary>
public static class BankCreditRules
{
    public const string Currency = "CNY";

    /// <summary>Null when the credit keeps every rule, else (rule, reason).</summary>
    public static (string Rule, string Reason)? Broken(BankCredit credit, string? messageId)
    {
        if (messageId != credit.Key)
            return ("message-id-mismatch", $"The message id {messageId ?? "(none)"} is not {{bankCode}}:{{bankTransactionId}} = {credit.Key}.");
        if (credit.Currency != Currency)
            return ("currency-not-cny", $"Case accounts take yuan (CNY) only; the credit is in {credit.Currency}.");
        if (credit.Amount <= 0)
            return ("amount-not-positive", $"A credit is more than 0.00; it is {Yuan.Format(credit.Amount)}.");
        if (decimal.Round(credit.Amount, 2) != credit.Amount)
            return ("amount-over-precise", "An amount has at most two decimals (fen).");
        if (Math.Abs((credit.ValueDate.DayNumber - Calendar.ChinaTime.DateOf(credit.BookedAt).DayNumber)) > 31)
            return ("value-date-implausible", "The value date is more than a month from the booking date.");
        return null;
    }
}
