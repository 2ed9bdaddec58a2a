using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Calendar;
using ECourt.Domain.Enforcement;

namespace ECourt.Application.Enforcement;

/// <summary>POST /api/cases/{caseId}/enforcement: the creditor party applying (one the caller is or acts for).</summary>
public sealed record EnforcementApplicationRequest(
    [property: Required, Bound(Domain.Judgments.JudgmentRules.MaxPartyNumber, Min = 1)] int? PartyNumber);

/// <summary>
/// A creditor of an effective judgment, or its lawyer, applies for enforcement: the application is recorded on the original case
/// (which the lifecycle keeps until the enforcement case is open), then the enforcement case is opened. Repeating it lands on the
/// same enforcement case (with its Idempotency-Key); a second application of the creditor is refused.
/// </summary>
public sealed class ApplyForEnforcement(CaseChanges changes, OpenEnforcementCase open, CaseSignals signals, DeadlineCalculator deadlines,
    TimeProvider clock)
{
    public async Task<StoredCase> RunAsync(CaseGrant grant, EnforcementApplicationRequest r, CancellationToken ct)
    {
        var creditor = r.PartyNumber!.Value;
        if (!grant.Parties.Contains(creditor))
            throw new ForbiddenException("A creditor applies for itself: only the party or one who acts for it.");
        var applicant = CaseAccess.PartyActor(grant.Caller);
        var now = clock.GetUtcNow();
        var enforcementCaseId = EnforcementCaseIds.For(grant.CaseId, creditor);
        var applied = await changes.ApplyAsync(grant.CaseId, c => CaseChange.Of(EnforcementOpening.Apply(c, applicant,
            EnforcementOpening.Check(c, creditor, now, deadlines), enforcementCaseId, now)), ct, grant.Stored);
        // The original case's lifecycle keeps the application until its case is open: woken first, should the opening fail here.
        await signals.CaseChangedAsync(applied.Case, EnforcementActions.ApplyForEnforcement.Name, ct);
        await open.RunAsync(applied, ct);
        return await open.EnforcementCaseAsync(enforcementCaseId, ct);
    }
}
