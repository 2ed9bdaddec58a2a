using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Evidence;

namespace ECourt.Application.Evidence;

/// <summary>The judge admits or excludes an item of late evidence, with reasons, once (CPL Interpretation arts. 101–102).</summary>
public sealed class RuleOnLateEvidence(CaseChanges changes, EvidenceItems items, CaseSignals signals, TimeProvider clock)
{
    public async Task<AdmissionRuling> RunAsync(CaseGrant grant, string evidenceId, LateEvidenceRulingRequest r, CancellationToken ct)
    {
        var seen = await items.GetAsync(grant, evidenceId, ct);
        var v = new Validation();
        var decision = v.Enum<LateEvidenceDecision>(r.Decision, "decision");
        var reasons = v.Reasons(r.Reasons, "reasons", required: true);
        v.ThrowIfAny();
        var judge = CaseAccess.ActorFor(grant.Caller, Roles.Judge);
        AdmissionRuling? ruling = null;
        var applied = await changes.ApplyWithOutcomeAsync(grant.CaseId, c =>
        {
            var (ruled, e, made) = LateEvidence.Rule(c, seen.Item, judge, clock.GetUtcNow(), decision!.Value, reasons);
            ruling = made;
            return CaseChange.Of(ruled, [e]).Inserting(CaseRow.Of(EvidenceRows.Admissions, evidenceId, made));
        }, ct, grant.Stored);
        if (!applied.Changed)
            throw new ConflictException("late-evidence-already-ruled",
                $"The judge has ruled on late evidence {evidenceId} already (CPL Interpretation art. 102).");
        await signals.CaseChangedAsync(applied.Case.Case, EvidenceActions.RuleOnLateEvidence.Name, ct);
        return ruling!;
    }
}
