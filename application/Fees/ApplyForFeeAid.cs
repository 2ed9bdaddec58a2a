using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Fees;

namespace ECourt.Application.Fees;

/// <summary>A party applies to defer, reduce or waive the fee: while the application is undecided the fee period does not run.</summary>
public sealed class ApplyForFeeAid(CaseAccess access, CaseChanges changes, FeeCollection fees, CaseSignals signals, TimeProvider clock)
{
    public async Task<StoredCase> RunAsync(string caseId, CourtUser caller, FeeAidRequest r, string? ifMatch, CancellationToken ct)
    {
        var stored = await access.LoadAsync(caseId, caller, ct);
        CaseAccess.RequireParty(caller, stored.Case);
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
