using ECourt.Application.Cases;
using ECourt.Domain.Fees;

namespace ECourt.Application.Fees;

/// <summary>
/// The fee stage's deadlines, as of court time: at the ledger check after the period and its grace, settled or flagged to a judge;
/// a fee-aid decision not yet sent for service (the judge's request did not get that far), served on the applicant.
/// </summary>
public sealed class FeeDeadlines(CaseChanges changes, FeeCollection fees, ServeFeeAidDecision serveDecision, TimeProvider clock)
    : IDeadlineHandler
{
    public IReadOnlyList<string> Kinds => [FeesStage.PaymentDeadline, FeesStage.DecisionService];

    public async Task KeepAsync(string caseId, string kind, CancellationToken ct)
    {
        if (kind == FeesStage.DecisionService) await serveDecision.RunAsync(caseId, ct);
        else await changes.ApplyAsync(caseId, c => CaseChange.Of(fees.CheckAfterPeriod(c, clock.GetUtcNow())), ct);
    }
}
