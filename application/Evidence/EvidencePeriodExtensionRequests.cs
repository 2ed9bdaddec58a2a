using System.Security.Cryptography;
using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Evidence;

namespace ECourt.Application.Evidence;

/// <summary>A party or its lawyer applies, before the period of proof ends, to extend it (CPL Interpretation art. 100).</summary>
public sealed class ApplyForExtension(CaseChanges changes, CaseSignals signals, TimeProvider clock)
{
    public async Task<ExtensionApplication> RunAsync(CaseGrant grant, ExtensionApplicationRequest r, CancellationToken ct)
    {
        var v = new Validation();
        v.Enum<ExtensionKind>(r.Kind, "kind");
        var reasons = v.Reasons(r.Reasons, "reasons", required: true);
        v.ThrowIfAny();
        if (grant.Side is not { } side || side == CaseSide.Court)
            throw new ForbiddenException("A party applies to extend the period of proof.");
        var id = "ext" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var actor = CaseAccess.PartyActor(grant.Caller);
        var parties = grant.Parties.Order().ToList();
        ExtensionApplication? application = null;
        var saved = await changes.ApplyAsync(grant.CaseId, c =>
        {
            var (applied, e, made) = EvidencePeriodExtensions.Apply(c, id, actor, side, parties, clock.GetUtcNow(), r.Days!.Value, reasons);
            application = made;
            return CaseChange.Of(applied, [e]).Inserting(CaseRow.Of(EvidenceRows.Extensions, id, made));
        }, ct, grant.Stored);
        await signals.CaseChangedAsync(saved.Case, EvidenceActions.ApplyForEvidencePeriodExtension.Name, ct);
        return application!;
    }
}

/// <summary>
/// The judge grants an application to extend the period of proof, for the days asked or others, for every party; or refuses it with
/// reasons. Once.
/// </summary>
public sealed class DecideExtension(CaseChanges changes, ICaseStore store, EvidencePeriods periods, CaseSignals signals, TimeProvider clock)
{
    public sealed record Decided(ExtensionApplication Application, ExtensionDecision Decision);

    public async Task<Decided> RunAsync(CaseGrant grant, string extensionId, ExtensionDecisionRequest r, CancellationToken ct)
    {
        if (!EvidenceRows.IsExtensionId(extensionId)
            || (await store.GetRowAsync(grant.CaseId, EvidenceRows.Extensions, extensionId, ct))?.Value is not { } application)
            throw new NotFoundException("such extension");
        var v = new Validation();
        var ruling = v.Enum<ExtensionRuling>(r.Decision, "decision");
        var reasons = v.Reasons(r.Reasons, "reasons", required: ruling == ExtensionRuling.Refuse);
        if (ruling == ExtensionRuling.Refuse && r.Days is not null) v.Add("days", "A refusal extends nothing: leave days out.");
        v.ThrowIfAny();
        var judge = CaseAccess.ActorFor(grant.Caller, Roles.Judge);
        ExtensionDecision? decision = null;
        var applied = await changes.ApplyWithOutcomeAsync(grant.CaseId, c =>
        {
            var (decided, e, made) = EvidencePeriodExtensions.Decide(periods, c, application, judge, clock.GetUtcNow(), ruling!.Value,
                r.Days,
                reasons);
            decision = made;
            return CaseChange.Of(decided, [e]).Inserting(CaseRow.Of(EvidenceRows.ExtensionDecisions, extensionId, made));
        }, ct, grant.Stored);
        if (!applied.Changed)
            throw new ConflictException("extension-already-decided",
                $"Extension {extensionId} is decided already (CPL Interpretation art. 100).");
        await signals.CaseChangedAsync(applied.Case.Case, EvidenceActions.DecideEvidencePeriodExtension.Name, ct);
        return new Decided(application, decision!);
    }
}
