using System.Security.Cryptography;
using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Evidence;
using ECourt.Domain.TrialLimit;

namespace ECourt.Application.Evidence;

/// <summary>
/// An application to extend: a party or its lawyer, before the period of proof ends, to extend it (CPL Interpretation art. 100);
/// the case's judge, to extend the trial time limit, to the president (CPL arts. 152, 164, 169).
/// </summary>
public sealed class ApplyForExtension(CaseChanges changes, CaseSignals signals, DeadlineCalculator deadlines, TimeProvider clock)
{
    public async Task<ExtensionApplication> RunAsync(CaseGrant grant, ExtensionApplicationRequest r, CancellationToken ct)
    {
        var v = new Validation();
        var kind = v.Enum<ExtensionKind>(r.Kind, "kind");
        var reasons = v.Reasons(r.Reasons, "reasons", required: true);
        v.ThrowIfAny();
        var id = "ext" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        if (kind == ExtensionKind.TrialLimit) return await ApplyForTrialLimitAsync(grant, id, r.Days!.Value, reasons, ct);
        if (grant.Side is not { } side || side == CaseSide.Court)
            throw new ForbiddenException("A party applies to extend the period of proof.");
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

    private async Task<ExtensionApplication> ApplyForTrialLimitAsync(CaseGrant grant, string id, int days, IReadOnlyList<string> reasons,
        CancellationToken ct)
    {
        if (!grant.Caller.IsInRole(Roles.Judge) || grant.Side != CaseSide.Court)
            throw new ForbiddenException("The case's judge applies to the president to extend the trial time limit.");
        var judge = CaseAccess.ActorFor(grant.Caller, Roles.Judge);
        var now = clock.GetUtcNow();
        var application = new ExtensionApplication(id, ExtensionKind.TrialLimit, days, reasons, CaseSide.Court, [], judge.UserId,
            judge.Role, now);
        var saved = await changes.ApplyAsync(grant.CaseId, c => CaseChange.Of(TrialLimitExtension.Apply(c, id, judge, now, days, reasons,
            deadlines)).Inserting(CaseRow.Of(EvidenceRows.Extensions, id, application)), ct, grant.Stored);
        await signals.CaseChangedAsync(saved.Case, TrialLimitExtension.ApplyForTrialLimitExtension, ct);
        return application;
    }
}

/// <summary>
/// An application decided once: to extend the period of proof, by the judge, for the days asked or others, for every party, or
/// refused with reasons; to extend the trial time limit, by the president, within what the procedure allows.
/// </summary>
public sealed class DecideExtension(CaseChanges changes, ICaseStore store, EvidencePeriods periods, CaseSignals signals,
    DeadlineCalculator deadlines, TimeProvider clock)
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
        var trialLimit = application.Kind == ExtensionKind.TrialLimit;
        var role = trialLimit ? Roles.President : Roles.Judge;
        if (!grant.Caller.IsInRole(role) || (trialLimit && !grant.Relations.Contains(CaseRelation.President)))
            throw new ForbiddenException(trialLimit ? "The president decides an extension of the trial time limit."
                : "The case's judge decides an extension of the period of proof.");
        var decider = CaseAccess.ActorFor(grant.Caller, role);
        ExtensionDecision? decision = null;
        var applied = await changes.ApplyWithOutcomeAsync(grant.CaseId, c =>
        {
            var now = clock.GetUtcNow();
            if (trialLimit)
            {
                var days = r.Days ?? application.Days;
                var (limited, ev, lastDay) = TrialLimitExtension.Decide(c, extensionId, decider, now, ruling == ExtensionRuling.Grant,
                    days, reasons, deadlines);
                decision = new ExtensionDecision(extensionId, ruling!.Value, lastDay is null ? null : days, reasons, decider.UserId, now,
                    lastDay);
                return CaseChange.Of(limited, [ev]).Inserting(CaseRow.Of(EvidenceRows.ExtensionDecisions, extensionId, decision));
            }
            var (decided, e, made) = EvidencePeriodExtensions.Decide(periods, c, application, decider, now, ruling!.Value, r.Days, reasons);
            decision = made;
            return CaseChange.Of(decided, [e]).Inserting(CaseRow.Of(EvidenceRows.ExtensionDecisions, extensionId, made));
        }, ct, grant.Stored);
        if (!applied.Changed)
            throw new ConflictException("extension-already-decided", $"Extension {extensionId} is decided already.");
        await signals.CaseChangedAsync(applied.Case.Case, trialLimit ? TrialLimitExtension.DecideTrialLimitExtension
            : EvidenceActions.DecideEvidencePeriodExtension.Name, ct);
        return new Decided(application, decision!);
    }
}
