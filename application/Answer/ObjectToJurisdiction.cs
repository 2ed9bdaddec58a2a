using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Answer;

namespace ECourt.Application.Answer;

/// <summary>
/// A defendant or its lawyer objects to the court's jurisdiction within the answer period (CPL art. 130): recorded for the judge, and
/// the trial time limit stands still from that day (CPL Interpretation art. 243). The judge's ruling on it is a later stage's.
/// </summary>
public sealed class ObjectToJurisdiction(CaseChanges changes, CaseSignals signals, TimeProvider clock)
{
    public async Task<JurisdictionObjectionFiled> RunAsync(CaseGrant grant, JurisdictionObjectionRequest r, CancellationToken ct)
    {
        var v = new Validation();
        var reasons = v.Reasons(r.Reasons, "reasons", required: true);
        var proposed = v.Text(r.ProposedCourt, "proposedCourt", required: false);
        v.ThrowIfAny();
        if (grant.Side is not { } side || side == CaseSide.Court)
            throw new ForbiddenException("A defendant or its lawyer objects to jurisdiction.");
        var actor = CaseAccess.PartyActor(grant.Caller);
        var parties = grant.Parties.Order().ToList();
        JurisdictionObjectionFiled? filed = null;
        var saved = await changes.ApplyAsync(grant.CaseId, c =>
        {
            var (objected, e, made) = JurisdictionObjection.File(c, actor, parties, clock.GetUtcNow(), reasons, proposed);
            filed = made;
            return CaseChange.Of(objected, [e]);
        }, ct, grant.Stored);
        await signals.CaseChangedAsync(saved.Case, AnswerActions.ObjectToJurisdiction.Name, ct);
        return filed!;
    }
}
