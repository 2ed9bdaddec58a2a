namespace ECourt.Domain.Payments;

/// <summary>A stored reconciliation of one bank's day: its figures, and its lines page by page.</summary>
public sealed record ReconciliationSummary(string BankCode, DateOnly Date, bool Balanced, int Entries, int Matched, int MissingFromLedger,
    int MissingFromStatement, int AmountDifferences, int AccountDifferences, decimal StatementTotal, decimal BookedTotal, DateTimeOffset ReconciledAt,
    string RunId)
{
    public static ReconciliationSummary Of(ReconciliationReport r, DateTimeOffset at, string runId) => new(r.BankCode, r.Date, r.Balanced,
        r.Lines.Count(l => l.Statement is not null), r.CountOf(ReconciliationKind.Matched), r.CountOf(ReconciliationKind.MissingFromLedger),
        r.CountOf(ReconciliationKind.MissingFromStatement), r.CountOf(ReconciliationKind.AmountDifference), r.CountOf(ReconciliationKind.AccountDifference),
        r.StatementTotal, r.BookedTotal, at, runId);
}
