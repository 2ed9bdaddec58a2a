using ECourt.Application.Cases;
using ECourt.Domain.Cases;
using ECourt.Domain.Filing;

namespace ECourt.Application.Filing;

/// <summary>
/// The filing stage's deadlines, as of court time: undecided at the end of the 7 days → registered first; defects not
/// cured by the cure deadline → returned. If the case moved on meanwhile, nothing happens.
/// </summary>
public sealed class FilingDeadlines(RegisterCase register, CaseChanges changes, FilingReview review, TimeProvider clock) : IDeadlineHandler
{
    public IReadOnlyList<string> Kinds => [FilingStage.ReviewDeadline, FilingStage.CureDeadline];

    public async Task KeepAsync(string caseId, string kind, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (kind == FilingStage.ReviewDeadline) await register.RunAsync(caseId, Actor.System, now, onReviewDeadline: true, ct);
        else await changes.ApplyAsync(caseId, c => CaseChange.Of(review.ReturnIfUncured(c, now)), ct);
    }
}
