using ECourt.Domain.Payments;

namespace ECourt.Domain.Tests;

/// <summary>
/// Reconciliation of the case accounts with a bank's statement (DOMAIN.md, one case, one account) and the
/// rules a statement keeps (API.md: one message per bank and China-time day, with its count and total).
/// </summary>
public class ReconciliationTests
{
    private static readonly DateOnly Day = new(2026, 11, 26);
    private const string A = "6217000100000000018";
    private const string B = "6217000100000000026";

    private static DateTimeOffset At(string chinaTime) => DateTimeOffset.Parse($"2026-11-26T{chinaTime}+08:00");

    private static StatementEntry E(string id, string account, decimal amount, string at = "10:15:00") => new(id, account, amount, At(at));

    private static BookedCredit Ours(string id, string account, decimal amount, string holder = "2301", string? caseId = "cs0001", string at = "10:15:00") =>
        new("ICBC", id, account, amount, At(at), holder, caseId);

    private static BankStatement Statement(params StatementEntry[] entries) => new("ICBC", Day, entries, entries.Length, entries.Sum(e => e.Amount));

    [Fact]
    public void EveryKindOfLine_IsFoundByTransactionId()
    {
        var statement = Statement(
            E("T1", A, 2300.00m),               // on both, same: matched
            E("T2", A, 1200.00m),               // we booked 1000.00: amount difference
            E("T3", B, 500.00m),                // in suspense here, same figures: matched
            E("T5", A, 700.00m),                // never booked here: missing from the ledger
            E("T6", B, 50.00m));                // booked to account A: account difference
        var ours = new[]
        {
            Ours("T1", A, 2300.00m), Ours("T2", A, 1000.00m), Ours("T3", B, 500.00m, holder: FundsHolder.Suspense, caseId: null),
            Ours("T4", A, 100.00m),             // not on the statement
            Ours("T6", A, 50.00m),
        };
        var report = Reconciliation.Compare(statement, ours);
        var kinds = report.Lines.ToDictionary(l => l.BankTransactionId, l => l.Kind);
        Assert.Equal(ReconciliationKind.Matched, kinds["T1"]);
        Assert.Equal(ReconciliationKind.AmountDifference, kinds["T2"]);
        Assert.Equal(ReconciliationKind.Matched, kinds["T3"]);
        Assert.Equal(ReconciliationKind.MissingFromStatement, kinds["T4"]);
        Assert.Equal(ReconciliationKind.MissingFromLedger, kinds["T5"]);
        Assert.Equal(ReconciliationKind.AccountDifference, kinds["T6"]);
        Assert.Equal(6, report.Lines.Count);
        // 2300 + 1200 + 500 + 700 + 50 on the statement; 2300 + 1000 + 500 + 100 + 50 here.
        Assert.Equal(4750.00m, report.StatementTotal);
        Assert.Equal(3950.00m, report.BookedTotal);
        Assert.False(report.Balanced);
    }

    [Fact]
    public void SameFigures_Balanced()
    {
        var report = Reconciliation.Compare(Statement(E("T1", A, 2300.00m), E("T2", B, 0.01m)),
            [Ours("T2", B, 0.01m, caseId: "cs0002"), Ours("T1", A, 2300.00m)]);
        Assert.True(report.Balanced);
        Assert.Equal(2, report.CountOf(ReconciliationKind.Matched));
        Assert.Equal(2300.01m, report.BookedTotal);
    }

    [Fact]
    public void EmptyDay_EmptyBooks_Balanced()
    {
        Assert.True(Reconciliation.Compare(Statement(), []).Balanced);
    }

    [Fact]
    public void BooksOfAnotherDayOrBank_AreRefused()
    {
        // 2026-11-26 23:59:59 UTC is 2026-11-27 07:59:59 in China: another day's books.
        var nextDay = new BookedCredit("ICBC", "T9", A, 1m, DateTimeOffset.Parse("2026-11-26T23:59:59Z"), "2301", "cs0001");
        Assert.Throws<ArgumentException>(() => Reconciliation.Compare(Statement(), [nextDay]));
        Assert.Throws<ArgumentException>(() => Reconciliation.Compare(Statement(), [Ours("T1", A, 1m) with { BankCode = "ABC" }]));
    }

    [Fact]
    public void StatementRules_CountTotalDayAndDuplicates()
    {
        Assert.Null(BankStatementRules.Broken(Statement(E("T1", A, 2300.00m))));
        Assert.Equal("statement-count-mismatch", BankStatementRules.Broken(Statement(E("T1", A, 2300.00m)) with { Count = 2 })?.Rule);
        Assert.Equal("statement-total-mismatch", BankStatementRules.Broken(Statement(E("T1", A, 2300.00m)) with { Total = 2300.01m })?.Rule);
        // 00:00 China time of the 27th is the next day; 23:59:59 of the 26th is still the statement's day.
        Assert.Equal("statement-date-mismatch", BankStatementRules.Broken(Statement(E("T1", A, 1m, "23:59:59") with { BookedAt = DateTimeOffset.Parse("2026-11-27T00:00:00+08:00") }))?.Rule);
        Assert.Null(BankStatementRules.Broken(Statement(E("T1", A, 1m, "23:59:59"))));
        Assert.Equal("statement-date-mismatch", BankStatementRules.Broken(Statement(E("T1", A, 1m) with { BookedAt = DateTimeOffset.Parse("2026-11-25T15:59:59Z") }))?.Rule);
        Assert.Equal("statement-duplicate-transaction", BankStatementRules.Broken(Statement(E("T1", A, 1m), E("T1", B, 2m)))?.Rule);
        Assert.Equal("amount-not-positive", BankStatementRules.Broken(Statement(E("T1", A, 0m)))?.Rule);
    }
}
