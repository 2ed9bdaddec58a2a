using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Enforcement;
using Microsoft.Extensions.Options;

namespace ECourt.Application.Enforcement;

/// <summary>
/// The case's officer puts a debtor on the dishonest list by a written decision: recorded, then the decision served on the debtor and
/// the public list written (each kept at once by the lifecycle should it fail here), then the lifecycle signalled.
/// </summary>
public sealed class ListDishonestDebtor(CaseChanges changes, ServeDishonestDecision serve, PublishDishonestList publish,
    CaseSignals signals,
    IOptions<EnforcementOptions> options, DeadlineCalculator deadlines, TimeProvider clock)
{
    public async Task<StoredCase> RunAsync(CaseGrant grant, DishonestListingRequest r, CancellationToken ct)
    {
        var officer = CaseAccess.ActorFor(grant.Caller, Roles.EnforcementOfficer);
        var v = new Validation();
        var ground = v.Enum<DishonestGround>(r.Ground, "ground");
        v.ThrowIfAny();
        var saved = await changes.ApplyAsync(grant.CaseId, c =>
        {
            var documentId = DishonestListingDecisionDocument.IdFor(c.CaseId, r.Debtor!.Value, c.Enforcement?.Listings.Count ?? 0);
            return CaseChange.Of(DishonestList.List(c, officer, r.Debtor!.Value, ground!.Value, r.ExtraYears ?? 0, r.Facts!.Trim(),
                documentId,
                clock.GetUtcNow(), deadlines, options.Value.SupervisionWorkingDays));
        }, ct, grant.Stored);
        saved = await publish.RunAsync(saved, ct);
        saved = await serve.RunAsync(saved, ct);
        await signals.CaseChangedAsync(saved.Case, "ListDishonestDebtor", ct);
        return saved;
    }
}
