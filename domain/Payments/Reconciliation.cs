using System.Text.Json.Serialization;
using ECourt.Domain.Calendar;

namespace ECourt.Domain.Payments;

/// <summary>How one transaction of a bank's day compares between the bank's statement and the court's books.</summary>
public enum ReconciliationKind
{
    /// <summary>On both, with the same account and amount.</summary>
    [JsonStringEnumMemberName("matched")]
    Matched,
    /// <summary>The bank reports a credit the court never booked (its message is lost or still in transit).</summary>
    [JsonStringEnumMemberName("missing-from-ledger")]
    MissingFromLedger,
    /// <summary>The court booked a credit the bank's statement does not show.</summary>
    [JsonStringEnumMemberName("missing-from-statement")]
    MissingFromStatement,
    /// <summary>On both, with different amounts.</summary>
    [JsonStringEnumMemberName("amount-difference")]
    AmountDifference,
    /// <summary>On both with the same amount, to different accounts.</summary>
    [JsonStringEnumMemberName("account-difference")]
    AccountDifference,
}

/// <summary>One transaction's comparison; the statement's or the books' side is null where it is missing.</summary>
public sealed record ReconciliationLine(ReconciliationKind Kind, string BankTransactionId, StatementEntry? Statement, BookedCredit? Booked);

/// <summary>The comparison of one bank's statement for one day with the court's books for that bank and day.</summary>
public sealed record ReconciliationReport(string BankCode, DateOnly Date, IReadOnlyList<ReconciliationLine> Lines, decimal StatementTotal, decimal BookedTotal)
{
    public bool Balanced => Lines.All(l => l.Kind == ReconciliationKind.Matched) && StatementTotal == BookedTotal;

    public int CountOf(ReconciliationKind kind) => Lines.Count(l => l.Kind == kind);
}

/// <summary>
/// Reconciliation of the case accounts with a bank (DOMAIN.md, one case, one account): every credit the
/// bank booked on a China-time day is matched by its transaction id with what the court booked from that
/// bank on that day, in case ledgers and in suspense together, so every yuan is accounted for.
/// </summary>
public static class Reconciliation
{
    public static ReconciliationReport Compare(BankStatement statement, IReadOnlyCollection<BookedCredit> booked)
    {
        var ours = new Dictionary<string, BookedCredit>(StringComparer.Ordinal);
        foreach (var b in booked)
        {
            if (b.BankCode != statement.BankCode || ChinaTime.DateOf(b.BookedAt) != statement.StatementDate)
                throw new ArgumentException($"Credit {b.Key} is not of {statement.BankCode} on {statement.StatementDate:yyyy-MM-dd}.", nameof(booked));
            ours[b.BankTransactionId] = b;
        }
        var lines = new List<ReconciliationLine>(Math.Max(statement.Entries.Count, ours.Count));
        foreach (var entry in statement.Entries)
        {
            if (!ours.Remove(entry.BankTransactionId, out var b))
                lines.Add(new(ReconciliationKind.MissingFromLedger, entry.BankTransactionId, entry, null));
            else if (b.Amount != entry.Amount)
                lines.Add(new(ReconciliationKind.AmountDifference, entry.BankTransactionId, entry, b));
            else if (b.AccountNumber != entry.AccountNumber)
                lines.Add(new(ReconciliationKind.AccountDifference, entry.BankTransactionId, entry, b));
            else
                lines.Add(new(ReconciliationKind.Matched, entry.BankTransactionId, entry, b));
        }
        foreach (var b in ours.Values.OrderBy(b => b.BookedAt).ThenBy(b => b.BankTransactionId, StringComparer.Ordinal))
            lines.Add(new(ReconciliationKind.MissingFromStatement, b.BankTransactionId, null, b));
        return new ReconciliationReport(statement.BankCode, statement.StatementDate, lines, statement.Entries.Sum(e => e.Amount), booked.Sum(b => b.Amount));
    }
}
