using ECourt.Domain.Banking;

namespace ECourt.Domain.Ports;

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

public interface IReconciliationStore
{
    /// <summary>Stores the lines, then the summary that points at them: a crash before the summary leaves the earlier result in place.</summary>
    Task SaveAsync(ReconciliationReport report, DateTimeOffset reconciledAt, string runId, CancellationToken ct = default);

    Task<ReconciliationSummary?> GetAsync(string bankCode, DateOnly date, CancellationToken ct = default);

    /// <summary>The lines of the summary's run; with <paramref name="mismatchesOnly"/>, those that are not matched.</summary>
    Task<Page<ReconciliationLine>> LinesAsync(ReconciliationSummary summary, bool mismatchesOnly, int pageSize, string? continuationToken, CancellationToken ct = default);
}
