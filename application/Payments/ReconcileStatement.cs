using ECourt.Application.Cases;
using ECourt.Domain.Courts;
using ECourt.Domain.Money;
using ECourt.Domain.Payments;
using Microsoft.Extensions.Logging;

namespace ECourt.Application.Payments;

/// <summary>
/// Reconciles a bank's statement of one China-time day: claim the day, read what the court booked from that bank on
/// that day (each court's funds register and suspense, one range query each), compare by transaction id, store the
/// result. Reconciling the same statement again replaces the earlier result, so a redelivery or a corrected statement
/// is safe; runs of one day take turns, so the books are read after the run before has finished.
/// </summary>
public sealed class ReconcileStatement(ICourtFunds funds, IReconciliationStore reconciliations, CourtDirectory courts, TimeProvider clock,
    ILogger<ReconcileStatement> log)
{
    /// <summary>
    /// How long a run holds its day: far longer than the largest day takes (10,001 credits: under 3 s), short enough
    /// that a bank message's 10 deliveries, waiting <see cref="WaitForTurn"/> each, outlast a crashed run's claim.
    /// </summary>
    public static readonly TimeSpan ClaimLapsesAfter = TimeSpan.FromMinutes(2);

    /// <summary>How long a run waits for the run before it to finish before it is answered "try later".</summary>
    public static readonly TimeSpan WaitForTurn = TimeSpan.FromSeconds(30);

    public Task<ReconciliationReport> RunAsync(BankStatement statement, CancellationToken ct) =>
        ReconcileAsync(statement.BankCode, statement.StatementDate, _ => Task.FromResult(statement), ct);

    /// <summary>
    /// Reconciles the stored statement of the day again, for a credit that arrived after its day was reconciled: the
    /// statement's entries are the ones the current lines kept (read under the claim, so no other run replaces them
    /// meanwhile), compared with the books as they are now.
    /// </summary>
    public Task<ReconciliationReport> RerunAsync(ReconciliationSummary current, CancellationToken ct) =>
        ReconcileAsync(current.BankCode, current.Date, async run => await StoredStatementAsync(run, ct), ct);

    private async Task<BankStatement> StoredStatementAsync(ReconciliationRun run, CancellationToken ct)
    {
        var entries = new List<StatementEntry>();
        if (await reconciliations.GetAsync(run.BankCode, run.Date, ct) is { } summary)
        {
            string? token = null;
            do
            {
                var page = await reconciliations.LinesAsync(summary, false, 1000, token, ct);
                entries.AddRange(page.Items.Where(l => l.Statement is not null).Select(l => l.Statement!));
                token = page.ContinuationToken;
            } while (token is not null);
        }
        return new BankStatement(run.BankCode, run.Date, entries, entries.Count, entries.Sum(e => e.Amount));
    }

    private async Task<ReconciliationReport> ReconcileAsync(string bankCode, DateOnly date,
        Func<ReconciliationRun, Task<BankStatement>> statementOf, CancellationToken ct)
    {
        var run = await ClaimAsync(bankCode, date, ct);
        ReconciliationReport report;
        try
        {
            var statement = await statementOf(run);
            var holders = courts.All.Select(c => c.Code).Append(FundsHolder.Suspense);
            var booked = (await Task.WhenAll(holders.Select(h => funds.BookedOnAsync(h, bankCode, date, ct))))
                .SelectMany(b => b).ToList();
            report = Reconciliation.Compare(statement, booked);
            await reconciliations.WriteLinesAsync(run, report.Lines, ct);
            if (!await reconciliations.CompleteAsync(run, ReconciliationSummary.Of(report, clock.GetUtcNow(), run.RunId), ct))
                throw new ReconciliationRunningException(bankCode, date);
        }
        catch (Exception ex) when (ex is not ReconciliationRunningException)
        {
            // What it wrote goes with it, and the day is free at once rather than when the claim lapses; a crash here
            // instead leaves both to the next claim.
            await reconciliations.AbandonAsync(run, CancellationToken.None);
            throw;
        }
        if (report.Balanced)
            log.LogInformation("Bank {Bank} {Date:yyyy-MM-dd}: {Count} credits, {Total} yuan, balanced",
                bankCode, date, report.Lines.Count(l => l.Statement is not null), Yuan.Format(report.StatementTotal));
        else
            log.LogWarning("Bank {Bank} {Date:yyyy-MM-dd} does not reconcile: statement {StatementTotal}, books {BookedTotal}; {Mismatches} lines differ",
                bankCode, date, Yuan.Format(report.StatementTotal), Yuan.Format(report.BookedTotal),
                report.Lines.Count(l => l.Kind != ReconciliationKind.Matched));
        return report;
    }

    private async Task<ReconciliationRun> ClaimAsync(string bankCode, DateOnly date, CancellationToken ct)
    {
        // Real time, not court time: this waits for another run to finish its writes.
        var giveUpAt = TimeProvider.System.GetUtcNow() + WaitForTurn;
        while (true)
        {
            var now = clock.GetUtcNow();
            if (await reconciliations.BeginAsync(bankCode, date, now, now + ClaimLapsesAfter, ct) is { } run) return run;
            if (TimeProvider.System.GetUtcNow() >= giveUpAt) throw new ReconciliationRunningException(bankCode, date);
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(100, 400)), ct);
        }
    }
}

/// <summary>Another run of the same bank's day holds it: try again in a minute.</summary>
public sealed class ReconciliationRunningException(string bankCode, DateOnly date)
    : ConflictException("reconciliation-running",
        $"The statement of {bankCode} for {date:yyyy-MM-dd} is being reconciled now; try again in a minute.");
