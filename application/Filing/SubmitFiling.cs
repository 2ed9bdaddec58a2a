using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Filing;

namespace ECourt.Application.Filing;

/// <summary>
/// The filer submits its draft with its complaint: the 7-day review starts, the filing joins its court's review queue,
/// and the case's lifecycle starts to keep the review deadline. A retried submit changes nothing and makes sure the
/// queue entry and the lifecycle exist.
/// </summary>
public sealed class SubmitFiling(CaseAccess access, CaseChanges changes, FilingReview review, IReviewQueue queue,
    IDurableMessaging messaging, TimeProvider clock)
{
    public async Task<StoredCase> RunAsync(string caseId, CourtUser caller, string? ifMatch, CancellationToken ct)
    {
        var current = await access.LoadAsync(caseId, caller, ct);
        CaseAccess.RequireParty(caller, current.Case);
        CaseAccess.CheckIfMatch(ifMatch, current);
        var saved = current.Case.Status == CaseStatus.Submitted && current.Case.Review?.Correction is null
            ? current
            : await changes.ApplyAsync(caseId, c => CaseChange.Of(review.Submit(c, CaseAccess.PartyActor(caller), clock.GetUtcNow(),
                c.HasDocumentOfKind(DocumentKind.Complaint))), ct, current, ifMatch);
        await queue.EnqueueForReviewAsync(saved.Case.Court, caseId, saved.Case.Review!.PeriodStartedAt, ct);
        await messaging.SendAsync(new StartCaseLifecycle(caseId, CaseProgress.Of(saved.Case, clock.GetUtcNow())), ct);
        return saved;
    }
}
