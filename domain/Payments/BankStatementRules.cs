using ECourt.Domain.Calendar;
using ECourt.Domain.Money;

namespace ECourt.Domain.Payments;

/// <summary>
/// The rules a statement message must keep beyond its schema: its count and total agree with its
/// entries, every entry was booked on the statement's China-time date, and no transaction appears twice.
/// A statement that breaks one cannot be reconciled and is dead-lettered with the rule's name.
/// </summary>
public static class BankStatementRules
{
    public static (string Rule, string Reason)? Broken(BankStatement statement)
    {
        if (statement.Count != statement.Entries.Count)
            return ("statement-count-mismatch", $"The statement says {statement.Count} entries and lists {statement.Entries.Count}.");
        var sum = statement.Entries.Sum(e => e.Amount);
        if (sum != statement.Total)
            return ("statement-total-mismatch", $"The statement's total is {Yuan.Format(statement.Total)}; its entries add up to {Yuan.Format(sum)}.");
        foreach (var e in statement.Entries)
        {
            if (e.Amount <= 0)
                return ("amount-not-positive", $"Entry {e.BankTransactionId}: a credit is more than 0.00.");
            if (ChinaTime.DateOf(e.BookedAt) != statement.StatementDate)
                return ("statement-date-mismatch",
                    $"Entry {e.BankTransactionId} was booked on {ChinaTime.DateOf(e.BookedAt):yyyy-MM-dd} (China time), not on the statement's date {statement.StatementDate:yyyy-MM-dd}.");
        }
        var twice = statement.Entries.GroupBy(e => e.BankTransactionId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            return ("statement-duplicate-transaction", $"Transaction {twice.Key} appears {twice.Count()} times.");
        return null;
    }
}
