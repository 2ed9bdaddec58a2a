using ECourt.Domain.Cases;
using ECourt.Orchestrations.Cases;

namespace ECourt.Orchestrations.Lifecycle;

/// <summary>
/// Does what the law says when a deadline passes: an undecided filing is registered first, an
/// uncured one is returned, an unpaid fee is flagged to a judge. If the case moved on meanwhile,
/// nothing happens.
/// </summary>
public sealed class KeepDeadline(CaseChanges changes, CaseRegistrar registrar, FilingReview review, FeeCollection fees, TimeProvider clock)
    : ICaseActivity<KeepDeadlineInput, CaseStatus>
{
    public async Task<CaseStatus> RunAsync(KeepDeadlineInput input, CancellationToken ct = default)
    {
        var result = input.Kind switch
        {
            DeadlineKind.FilingReview => await registrar.RegisterAsync(input.CaseId, Actor.System, input.AsOf, onReviewDeadline: true, ct),
            DeadlineKind.CorrectionCure => await changes.ApplyAsync(input.CaseId, c => review.ReturnIfUncured(c, input.AsOf), ct),
            DeadlineKind.FeeLedgerCheck => await changes.ApplyAsync(input.CaseId, c => fees.CheckAfterPeriod(c, input.AsOf), ct),
            // Not a timer's moment but "as soon as known": the court's clock says when.
            DeadlineKind.EvidenceStage => await changes.ApplyAsync(input.CaseId, c => Domain.Service.ComplaintService.BeginIfReady(c, clock.GetUtcNow()), ct),
            _ => throw new ArgumentOutOfRangeException(nameof(input)),
        };
        return result.Case.Status;
    }
}
