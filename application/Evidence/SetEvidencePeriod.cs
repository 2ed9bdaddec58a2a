using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Evidence;

namespace ECourt.Application.Evidence;

/// <summary>
/// The judge sets the period of proof within its procedure's bounds; the notice of the burden and period of proof is then served on
/// every party (at once; should that fail, the lifecycle keeps the notice's pending service and serves it).
/// </summary>
public sealed class SetEvidencePeriod(CaseChanges changes, EvidencePeriods periods, ServeEvidenceNotice serve, CaseSignals signals,
    TimeProvider clock)
{
    public async Task<StoredCase> RunAsync(CaseGrant grant, EvidencePeriodRequest r, string? ifMatch, CancellationToken ct)
    {
        var v = new Validation();
        var endsOn = v.Date(r.EndsOn, "endsOn");
        v.ThrowIfAny();
        var judge = CaseAccess.ActorFor(grant.Caller, Roles.Judge);
        var saved = await changes.ApplyAsync(grant.CaseId, c => CaseChange.Of(periods.Set(c, judge, clock.GetUtcNow(), endsOn!.Value)), ct,
            grant.Stored, ifMatch);
        var latest = saved;
        try
        {
            latest = await serve.RunAsync(saved, ct);
            return latest;
        }
        finally
        {
            await signals.CaseChangedAsync(latest.Case, EvidenceActions.SetEvidencePeriod.Name, ct);
        }
    }
}
