namespace ECourt.Application.Payments;

/// <summary>Finance runs a reconciled day again, for a credit that arrived after the day was reconciled, and reads the result.</summary>
public sealed class RerunReconciliation(ReadReconciliation read, IReconciliationStore reconciliations, ReconcileStatement reconcile)
{
    public async Task<ReadReconciliation.Result> RunAsync(string bankCode, string date, int pageSize, CancellationToken ct)
    {
        var summary = await read.SummaryAsync(bankCode, date, ct);
        await reconcile.RerunAsync(summary, ct);
        var rerun = await reconciliations.GetAsync(bankCode, summary.Date, ct) ?? summary;
        return await read.LinesAsync(rerun, false, pageSize, null, ct);
    }
}
