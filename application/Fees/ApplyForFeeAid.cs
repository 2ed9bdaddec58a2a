using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Fees;

namespace ECourt.Application.Fees;

/// <summary>A party applies to defer, reduce or waive the fee: while the application is undecided the fee period does not run.</summary>
public sealed class ApplyForFeeAid(CaseChanges changes, FeeCollection fees, CaseSignals signals, TimeProvider clock)
{
    public async Task<StoredCase> RunAsync(CaseGrant grant, FeeAidRequest r, string? ifMatch, CancellationToken ct)
    {
        var (stored, caller, caseId) = (grant.Stored, grant.Caller, grant.CaseId);
        var v = new Validation();
        var kind = v.Enum<FeeAidKind>(r.Kind, "kind");
        var reasons = v.Reasons(r.Reasons, "reasons", required: true);
        v.ThrowIfAny();
        var saved = await changes.ApplyAsync(caseId,
            c => CaseChange.Of(fees.ApplyForAid(c, CaseAccess.PartyActor(caller), clock.GetUtcNow(), kind!.Value, reasons)),
            ct, stored, ifMatch);
        await signals.CaseChangedAsync(saved.Case, FeesActions.ApplyForFeeAid.Name, ct);
        return saved;
    }
}
