using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Enforcement;
using Microsoft.Extensions.Options;

namespace ECourt.Application.Enforcement;

/// <summary>The case's officer takes a debtor off the dishonest list, with the reason; the public list follows.</summary>
public sealed class RemoveDishonestDebtor(CaseChanges changes, PublishDishonestList publish, CaseSignals signals,
    IOptions<EnforcementOptions> options, DeadlineCalculator deadlines, TimeProvider clock)
{
    public async Task<StoredCase> RunAsync(CaseGrant grant, DishonestRemovalRequest r, CancellationToken ct)
    {
        var officer = CaseAccess.ActorFor(grant.Caller, Roles.EnforcementOfficer);
        var saved = await changes.ApplyAsync(grant.CaseId, c => CaseChange.Of(DishonestList.Remove(c, officer, r.Debtor!.Value,
            r.Reason!.Trim(), clock.GetUtcNow(), deadlines, options.Value.SupervisionWorkingDays)), ct, grant.Stored);
        saved = await publish.RunAsync(saved, ct);
        await signals.CaseChangedAsync(saved.Case, "RemoveDishonestDebtor", ct);
        return saved;
    }
}
