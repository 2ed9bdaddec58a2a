using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Courts;
using ECourt.Domain.Filing;

namespace ECourt.Application.Filing;

/// <summary>
/// The filing division's clerk decides a filing: accept (registered, with its number, account and fee notice), reject
/// (a ruling of non-acceptance with reasons) or correct (one notice listing every defect, with the court's days to cure).
/// </summary>
public sealed class ReviewFiling(CaseChanges changes, RegisterCase register, FilingReview review, IReviewQueue queue,
    CaseSignals signals, CourtDirectory courts, TimeProvider clock)
{
    public async Task<StoredCase> RunAsync(CaseGrant grant, ReviewRequest r, string? ifMatch, CancellationToken ct)
    {
        var (stored, caller, caseId) = (grant.Stored, grant.Caller, grant.CaseId);
        CaseAccess.CheckIfMatch(ifMatch, stored);
        var v = new Validation();
        var decision = r.Decision;
        v.Check(decision is "accept" or "reject" or "correct", "decision", "One of accept, reject, correct.");
        var reasons = v.Reasons(r.Reasons, "reasons", required: decision is "reject" or "correct");
        v.ThrowIfAny();

        var clerk = CaseAccess.ActorFor(caller, Roles.Clerk);
        var now = clock.GetUtcNow();
        var submittedAt = stored.Case.Review?.PeriodStartedAt;
        var cureDays = courts.Get(stored.Case.Court).LocalRules.CorrectionCureDays;
        var saved = decision switch
        {
            "accept" => await register.RunAsync(stored, clerk, now, onReviewDeadline: false, ifMatch, ct),
            "reject" => await changes.ApplyAsync(caseId, c => CaseChange.Of(review.Reject(c, clerk, now, reasons)), ct, stored, ifMatch),
            _ => await changes.ApplyAsync(caseId, c => CaseChange.Of(review.RequestCorrection(c, clerk, now, reasons, cureDays)),
                ct, stored, ifMatch),
        };
        // Registration takes the filing off the queue itself (also when the review deadline registers it).
        if (decision != "accept" && submittedAt is { } at) await queue.RemoveFromReviewAsync(saved.Case.Court, caseId, at, ct);
        await signals.CaseChangedAsync(saved.Case, decision!, ct);
        return saved;
    }
}
