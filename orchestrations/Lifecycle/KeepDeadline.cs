using ECourt.Domain.Cases;
using ECourt.Orchestrations.Cases;

namespace ECourt.Orchestrations.Lifecycle;

/// <summary>
/// Does what the law says when a deadline passes: an undecided filing is registered first, an
/// uncured one is returned, an unpaid fee is flagged to a judge. If the case moved on meanwhile,
/// nothing happens.
/// </summary>
public sealed class KeepDeadline(CaseChanges changes, CaseRegistrar registrar, FilingReview review, FeeCollection fees)
    : ICaseActivity<KeepDeadlineInput, CaseStatus>
{
    public async Task<CaseStatus> RunAsync(KeepDeadlineInput input, CancellationToken ct = default)
    {
        var result = input.Kind switch
        {
            DeadlineKind.FilingReview => await registrar.RegisterAsync(input.CaseId, Actor.System, input.AsOf, onReviewDeadline: true, ct),
            DeadlineKind.CorrectionCure => await changes.ApplyAsync(input.CaseId, c => review.ReturnIfUncured(c, input.AsOf), ct),
            DeadlineKind.FeeLedgerCheck => await changes.ApplyAsync(input.CaseId, c => fees.CheckAfterPeriod(c, input.AsOf), ct),
            _ => throw new ArgumentOutOfRangeException(nameof(input)),
        };
        return result.Case.Status;
    }
}
