using ECourt.Application.Cases;
using ECourt.Domain.Fees;

namespace ECourt.Application.Fees;

/// <summary>
/// The fee stage's deadline, as of court time: at the ledger check after the period and its grace, settled or flagged to a judge.
/// </summary>
public sealed class FeeDeadlines(CaseChanges changes, FeeCollection fees, TimeProvider clock) : IDeadlineHandler
{
    public IReadOnlyList<string> Kinds => [FeesStage.PaymentDeadline];

    public Task KeepAsync(string caseId, string kind, CancellationToken ct) =>
        changes.ApplyAsync(caseId, c => CaseChange.Of(fees.CheckAfterPeriod(c, clock.GetUtcNow())), ct);
}
