using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Parties;

namespace ECourt.Application.Parties;

/// <summary>POST /api/cases/{caseId}/parties/{partyNumber}/online-consent: the party's choice for one activity.</summary>
public sealed record OnlineConsentRequest(
    [property: Required, OneOf(typeof(OnlineActivity)), Bound(Bounds.WireName)] string? Activity,
    [property: Required] bool? Online);

/// <summary>
/// A party, or one who acts for it, chooses to take part in an activity (evidence exchange, hearing, mediation) online or offline
/// (Online Litigation Rules arts. 4–5): for its own party only; online needs the party's account linked to the case.
/// </summary>
public sealed class ChooseOnlineProceedings(CaseChanges changes, CaseSignals signals, TimeProvider clock)
{
    public async Task<OnlineChoice> RunAsync(CaseGrant grant, int partyNumber, OnlineConsentRequest r, CancellationToken ct)
    {
        var v = new Validation();
        var activity = v.Enum<OnlineActivity>(r.Activity, "activity");
        v.ThrowIfAny();
        if (!grant.Parties.Contains(partyNumber))
            throw new ForbiddenException("A party chooses for itself: only the party or one who acts for it.");
        var actor = CaseAccess.PartyActor(grant.Caller);
        var saved = await changes.ApplyAsync(grant.CaseId, c => CaseChange.Of(OnlineConsents.Choose(c, actor, partyNumber,
            activity!.Value, r.Online!.Value, clock.GetUtcNow())), ct, grant.Stored);
        await signals.CaseChangedAsync(saved.Case, OnlineConsents.ChooseOnlineProceedings, ct);
        return OnlineConsents.Choice(saved.Case, partyNumber, activity!.Value)!;
    }
}
