using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Evidence;

namespace ECourt.Application.Evidence;

/// <summary>
/// A party or its lawyer files its cross-examination opinion on an item of the other side's evidence it sees: authenticity,
/// legality and relevance, each admitted or disputed, with reasons; once per party and item, within an exchange's window.
/// </summary>
public sealed class FileCrossExaminationOpinion(CaseChanges changes, EvidenceItems items, CaseSignals signals, TimeProvider clock)
{
    public async Task<CrossExaminationOpinion> RunAsync(CaseGrant grant, string evidenceId, CrossExaminationRequest r, CancellationToken ct)
    {
        var seen = await items.GetAsync(grant, evidenceId, ct);
        var v = new Validation();
        var authenticity = v.Enum<OpinionStance>(r.Authenticity, "authenticity");
        var legality = v.Enum<OpinionStance>(r.Legality, "legality");
        var relevance = v.Enum<OpinionStance>(r.Relevance, "relevance");
        var reasons = v.Reasons(r.Reasons, "reasons", required: false);
        var parties = grant.Parties;
        int? party = r.PartyNumber;
        if (party is { } named && !parties.Contains(named)) v.Add("partyNumber", "You do not act for this party.");
        else if (party is null && parties.Count != 1)
            v.Add("partyNumber", "You act for several parties: name the one this opinion is for.");
        v.ThrowIfAny();
        if (grant.Side is not { } side || side == CaseSide.Court)
            throw new ForbiddenException("Cross-examination opinions are a party's.");
        var partyNumber = party ?? parties.Single();
        var actor = CaseAccess.PartyActor(grant.Caller);
        CrossExaminationOpinion? opinion = null;
        var applied = await changes.ApplyWithOutcomeAsync(grant.CaseId, c =>
        {
            var (filed, e, o) = CrossExamination.File(c, seen.Item, side, partyNumber, actor, clock.GetUtcNow(), authenticity!.Value,
                legality!.Value, relevance!.Value, reasons, grant.Caller.Verification);
            opinion = o;
            return CaseChange.Of(filed, [e]).Inserting(CaseRow.Of(EvidenceRows.Opinions, EvidenceRows.OpinionId(evidenceId, partyNumber),
                o));
        }, ct, grant.Stored);
        if (!applied.Changed)
            throw new ConflictException("cross-examination-opinion-filed",
                $"Party {partyNumber} has filed its opinion on evidence {evidenceId}: one per party and item "
                + "(CPL Interpretation art. 104).");
        await signals.CaseChangedAsync(applied.Case.Case, EvidenceActions.FileCrossExaminationOpinion.Name, ct);
        return opinion!;
    }
}
