using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Enforcement;

namespace ECourt.Application.Enforcement;

/// <summary>The president signs a listed debtor's consumption restriction order.</summary>
public sealed class SignConsumptionRestriction(CaseChanges changes, CaseSignals signals, TimeProvider clock)
{
    public async Task<StoredCase> RunAsync(CaseGrant grant, ConsumptionRestrictionRequest r, CancellationToken ct)
    {
        var president = CaseAccess.ActorFor(grant.Caller, Roles.President);
        var saved = await changes.ApplyAsync(grant.CaseId, c => CaseChange.Of(DishonestList.SignRestriction(c, president, r.Debtor!.Value,
            clock.GetUtcNow())), ct, grant.Stored);
        await signals.CaseChangedAsync(saved.Case, "SignConsumptionRestriction", ct);
        return saved;
    }
}
