using ECourt.Domain.Payments;

namespace ECourt.Application.Payments;

/// <summary>
/// Reconciles the stored statement again, for a credit that arrived after its day was reconciled: the statement's
/// entries are the ones its lines kept, compared with the books as they are now.
/// </summary>
public sealed class RerunReconciliation(ReadReconciliation read, IReconciliationStore reconciliations, ReconcileStatement reconcile)
{
    public async Task<ReadReconciliation.Result> RunAsync(string bankCode, string date, int pageSize, CancellationToken ct)
    {
        var summary = await read.SummaryAsync(bankCode, date, ct);
        var entries = new List<StatementEntry>();
        string? token = null;
        do
        {
            var page = await reconciliations.LinesAsync(summary, false, 1000, token, ct);
            entries.AddRange(page.Items.Where(l => l.Statement is not null).Select(l => l.Statement!));
            token = page.ContinuationToken;
        } while (token is not null);
        await reconcile.RunAsync(new BankStatement(bankCode, summary.Date, entries, entries.Count, entries.Sum(e => e.Amount)), ct);
        var rerun = await reconciliations.GetAsync(bankCode, summary.Date, ct) ?? summary;
        return await read.LinesAsync(rerun, false, pageSize, null, ct);
    }
}
