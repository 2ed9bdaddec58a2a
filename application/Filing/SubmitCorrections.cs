using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Documents;
using ECourt.Domain.Filing;

namespace ECourt.Application.Filing;

/// <summary>The filer answers a correction request with changed fields and documents: the review period starts again.</summary>
public sealed class SubmitCorrections(CaseChanges changes, FilingReview review, IReviewQueue queue, CaseSignals signals,
    TimeProvider clock)
{
    public async Task<StoredCase> RunAsync(CaseGrant grant, CorrectionsRequest r, string? ifMatch, CancellationToken ct)
    {
        var (current, caller, caseId) = (grant.Stored, grant.Caller, grant.CaseId);
        var now = clock.GetUtcNow();
        var v = new Validation();
        var cause = v.Text(r.Cause, "cause", required: false);
        var claims = v.Text(r.Claims, "claims", required: false);
        var facts = v.Text(r.Facts, "facts", required: false);
        var claimAmount = v.Amount(r.ClaimAmount, "claimAmount", false);
        var parties = r.Parties is null ? null : PartyReader.Read(r.Parties, caller, now, v);
        foreach (var id in r.DocumentIds ?? [])
            v.Check(id is not null && current.Case.HasDocument(id), "documentIds", $"No document {id} in this case; upload it first.");
        v.ThrowIfAny();
        if (parties is not null) Filer.Check(parties, caller.Id);

        // Queued for review before the lifecycle hears of it, so the clerk's queue never misses the filing.
        var saved = await changes.ApplyAsync(caseId,
            c => CaseChange.Of(review.SubmitCorrections(c, CaseAccess.PartyActor(caller), now, x => x with
            {
                Cause = cause ?? x.Cause,
                Claims = claims ?? x.Claims,
                Facts = facts ?? x.Facts,
                ClaimAmount = claimAmount ?? x.ClaimAmount,
                Parties = parties ?? x.Parties,
            })), ct, current, ifMatch);
        await queue.EnqueueForReviewAsync(saved.Case.Court, caseId, saved.Case.Review!.PeriodStartedAt, ct);
        await signals.CaseChangedAsync(saved.Case, FilingActions.SubmitCorrections.Name, ct);
        return saved;
    }
}
