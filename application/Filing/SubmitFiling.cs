using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Filing;

namespace ECourt.Application.Filing;

/// <summary>
/// The filer submits its draft with its complaint: the 7-day review starts, the filing joins its court's review queue,
/// and the case's lifecycle starts to keep the review deadline.
/// </summary>
/// <remarks>
/// The queue entry and the lifecycle come before the commit that records the submission, so a crash at any point leaves
/// no submitted case without its review timer: a lifecycle started for a submission that never committed keeps nothing
/// at its deadline (the case is still a draft) and ends, and a queue entry of a draft is skipped by the clerk's queue.
/// A retried submit changes nothing and makes sure both exist.
/// </remarks>
public sealed class SubmitFiling(CaseChanges changes, FilingReview review, IReviewQueue queue,
    IDurableMessaging messaging, DeadlineCalculator deadlines, TimeProvider clock)
{
    public async Task<StoredCase> RunAsync(CaseGrant grant, string? ifMatch, CancellationToken ct)
    {
        var (current, caller, caseId) = (grant.Stored, grant.Caller, grant.CaseId);
        CaseAccess.CheckIfMatch(ifMatch, current);
        var now = clock.GetUtcNow();
        if (current.Case.Status == CaseStatus.Submitted && current.Case.Review?.Correction is null)
        {
            await queue.EnqueueForReviewAsync(current.Case.Court, caseId, current.Case.Review!.PeriodStartedAt, ct);
            await messaging.SendAsync(new StartCaseLifecycle(caseId, CaseProgress.Of(current.Case, now, deadlines)), ct);
            return current;
        }
        var actor = CaseAccess.PartyActor(caller);
        CaseChange Submit(CourtCase c) => CaseChange.Of(review.Submit(c, actor, now, c.HasDocumentOfKind(DocumentKind.Complaint)));
        // What the commit will write, decided first: a filing the rules refuse starts nothing.
        var submitted = Submit(current.Case).Snapshot!;
        await queue.EnqueueForReviewAsync(submitted.Court, caseId, now, ct);
        await messaging.SendAsync(new StartCaseLifecycle(caseId, CaseProgress.Of(submitted, now, deadlines)), ct);
        // The lifecycle already knows what this writes (the review deadline runs from the same instant): no signal needed.
        return await changes.ApplyAsync(caseId, Submit, ct, current, ifMatch);
    }
}
