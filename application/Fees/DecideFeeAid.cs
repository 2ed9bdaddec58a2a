using System.Globalization;
using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Fees;

namespace ECourt.Application.Fees;

/// <summary>
/// A judge decides a fee aid application: grants a deferral, a reduction or a waiver, or refuses it. The decision is served on the
/// applicant, and the period for what remains runs from the day after it is served.
/// </summary>
public sealed class DecideFeeAid(CaseChanges changes, FeeCollection fees, ServeFeeAidDecision serve, CaseSignals signals,
    TimeProvider clock)
{
    public async Task<StoredCase> RunAsync(CaseGrant grant, FeeAidDecisionRequest r, string? ifMatch, CancellationToken ct)
    {
        var (stored, caller, caseId) = (grant.Stored, grant.Caller, grant.CaseId);
        var v = new Validation();
        FeeAidOutcome? outcome = r.Decision switch { "grant" => FeeAidOutcome.Granted, "refuse" => FeeAidOutcome.Refused, _ => null };
        v.Check(outcome is not null, "decision", "One of grant, refuse.");
        var reduced = v.Amount(r.ReducedAmount, "reducedAmount", false);
        DateOnly? deferredUntil = null;
        if (r.DeferredUntil is not null)
        {
            if (DateOnly.TryParseExact(r.DeferredUntil, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                deferredUntil = d;
            else v.Add("deferredUntil", "A calendar date yyyy-MM-dd.");
        }
        var reasons = v.Reasons(r.Reasons, "reasons", required: outcome == FeeAidOutcome.Refused);
        v.ThrowIfAny();
        var saved = await changes.ApplyAsync(caseId,
            c => CaseChange.Of(fees.DecideAid(c, CaseAccess.ActorFor(caller, Roles.Judge), clock.GetUtcNow(), outcome!.Value,
                reduced, deferredUntil, reasons)), ct, stored, ifMatch);
        var latest = saved;
        try
        {
            // Served at once; should this fail, the lifecycle keeps the decision's pending service and serves it.
            latest = await serve.RunAsync(saved, ct);
            return latest;
        }
        finally
        {
            await signals.CaseChangedAsync(latest.Case, FeesActions.DecideFeeAid.Name, ct);
        }
    }
}
