using ECourt.Domain.Courts;
using ECourt.Domain.Money;
using ECourt.Domain.Payments;
using Microsoft.Extensions.Logging;

namespace ECourt.Application.Payments;

/// <summary>
/// Reconciles a bank's statement of one China-time day: read what the court booked from that bank on that day (each
/// court's funds register and suspense, one range query each), compare by transaction id, store the result. Reconciling
/// the same statement again replaces the earlier result, so a redelivery or a corrected statement is safe.
/// </summary>
public sealed class ReconcileStatement(ICourtFunds funds, IReconciliationStore reconciliations, CourtDirectory courts, TimeProvider clock,
    ILogger<ReconcileStatement> log)
{
    public async Task<ReconciliationReport> RunAsync(BankStatement statement, CancellationToken ct)
    {
        var holders = courts.All.Select(c => c.Code).Append(FundsHolder.Suspense);
        var booked = (await Task.WhenAll(holders.Select(h => funds.BookedOnAsync(h, statement.BankCode, statement.StatementDate, ct))))
            .SelectMany(b => b).ToList();
        var report = Reconciliation.Compare(statement, booked);
        // Each run its own id, so a new run never overwrites the lines the current summary points at.
        await reconciliations.SaveAsync(report, clock.GetUtcNow(), Guid.NewGuid().ToString("N"), ct);
        if (report.Balanced)
            log.LogInformation("Bank {Bank} {Date:yyyy-MM-dd}: {Count} credits, {Total} yuan, balanced",
                statement.BankCode, statement.StatementDate, statement.Count, Yuan.Format(statement.Total));
        else
            log.LogWarning("Bank {Bank} {Date:yyyy-MM-dd} does not reconcile: statement {StatementTotal}, books {BookedTotal}; {Mismatches} lines differ",
                statement.BankCode, statement.StatementDate, Yuan.Format(report.StatementTotal), Yuan.Format(report.BookedTotal),
                report.Lines.Count(l => l.Kind != ReconciliationKind.Matched));
        return report;
    }
}
