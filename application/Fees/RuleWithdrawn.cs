using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Fees;

namespace ECourt.Application.Fees;

/// <summary>A judge rules an unpaid case withdrawn (SPC CPL Interpretation art. 213): FeeOverdue → DeemedWithdrawn.</summary>
public sealed class RuleWithdrawn(CaseChanges changes, FeeCollection fees, CaseSignals signals, TimeProvider clock)
{
    public async Task<StoredCase> RunAsync(CaseGrant grant, WithdrawalRulingRequest? r, string? ifMatch, CancellationToken ct)
    {
        var (stored, caller, caseId) = (grant.Stored, grant.Caller, grant.CaseId);
        var v = new Validation();
        var reasons = r is null ? [] : v.Reasons(r.Reasons, "reasons", required: false);
        v.ThrowIfAny();
        var saved = await changes.ApplyAsync(caseId,
            c => CaseChange.Of(fees.RuleWithdrawn(c, CaseAccess.ActorFor(caller, Roles.Judge), clock.GetUtcNow(), reasons)),
            ct, stored, ifMatch);
        await signals.CaseChangedAsync(saved.Case, FeesActions.RuleDeemedWithdrawn.Name, ct);
        return saved;
    }
}
