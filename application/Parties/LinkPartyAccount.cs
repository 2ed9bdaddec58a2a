using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain;
using ECourt.Domain.Access;
using ECourt.Domain.Cases;
using ECourt.Domain.Parties;

namespace ECourt.Application.Parties;

/// <summary>POST /api/cases/{caseId}/party-link: the holder of an account presents a party's link code.</summary>
/// <param name="As">party (the account is the party's own; the default) or representative (it acts for the party)</param>
/// <param name="Representative">who acts, when <paramref name="As"/> is representative</param>
public sealed record PartyLinkRequest(
    [property: Required, Bound(Filing.PartyReader.MaxParties, Min = 1)] int? PartyNumber,
    [property: Required, Bound(Bounds.Code)] string? Code,
    [property: OneOf(typeof(LinkCapacity)), Bound(Bounds.WireName)] string? As,
    Filing.RepresentativeRequest? Representative);

/// <summary>How a link ended: the party's own account now, or a representative waiting for the clerk.</summary>
/// <param name="Linked">the account is the party's now; else it waits for a clerk to accept its power of attorney</param>
public sealed record PartyLinkOutcome(StoredCase Saved, int PartyNumber, bool Linked);

/// <summary>
/// The holder of a platform account links it to a party of a registered case (SPC Online Litigation Rules arts. 7, 10):
/// with the party's link code, and, as the party itself, only with a verified identity that is the party's (the identity
/// provider's real-name claim, or a clerk's recorded check). As a representative the account waits for a clerk to accept
/// its power of attorney. A case, party and code that do not match one the court issued are answered alike, so nothing is
/// learnt by trying, and so is an account already on another side of the case (the plaintiff, who may hold the defendant's
/// code, neither links as the defendant nor acts for it). Each try counts against the caller's own tries at the party's code
/// (<see cref="LinkTries"/>), taken before the code is compared, so another account's wrong codes never lock the party out.
/// </summary>
public sealed class LinkPartyAccount(ICaseStore store, CaseChanges changes, IUserCases userCases, PartyLinkKey key, CaseSignals signals,
    IEnumerable<IPartyLinked> onLinked, TimeProvider clock)
{
    public const string Action = "LinkPartyAccount";

    private static DomainRuleException Invalid() => new("link-code-invalid",
        "The case, party and link code do not match a code this court issued, or the code can no longer be used; "
        + "the court's clerk can issue a new one.");

    public async Task<PartyLinkOutcome> RunAsync(string caseId, CourtUser caller, PartyLinkRequest r, CancellationToken ct)
    {
        var v = new Validation();
        v.Check(r.PartyNumber is > 0, "partyNumber", "The number of the party the code was issued for.");
        v.Check(!string.IsNullOrWhiteSpace(r.Code), "code", "The party's link code.");
        var asRepresentative = r.As switch { null or "party" => false, "representative" => true, _ => (bool?)null };
        v.Check(asRepresentative is not null, "as", "One of party, representative.");
        v.Check(asRepresentative != true || r.Representative is not null, "representative",
            "Who acts for the party: kind, name, and a lawyer's licence and firm.");
        v.ThrowIfAny();
        var now = clock.GetUtcNow();
        if (!CaseId.IsValid(caseId) || await store.GetAsync(caseId, ct) is not { Case.CaseNumber: not null } stored) throw Invalid();
        var party = stored.Case.Parties.FirstOrDefault(p => p.PartyNumber == r.PartyNumber);
        var codeId = PartyRows.LinkCodeId(r.PartyNumber!.Value);
        // A code this holder already used (a link that did not finish) may finish; any other used or expired code is refused.
        if (party is null || await store.GetRowAsync(caseId, PartyRows.LinkCodes, codeId, ct) is not { Value: var code })
            throw Invalid();
        var finishing = code.UsedBy == caller.Id;
        if ((code.Refusal(now) is not null && !finishing)
            || CaseRelations.SidesOfAccount(caller.Id, stored.Case).Any(side => side != CaseRelations.SideOf(party))
            || (!finishing && !await TakeTryAsync(caseId, party.PartyNumber, code.Generation, caller.Id, ct))
            || !code.Matches(key.Key, caseId, r.Code!))
            throw Invalid();

        Representative? representative = null;
        if (asRepresentative == true)
        {
            var rv = new Validation();
            representative = Filing.PartyReader.ReadAppointed(r.Representative!, "representative", caller.Id, rv);
            rv.ThrowIfAny();
            representative = representative! with { PendingSince = now };
        }
        else
        {
            if (party.UserId == caller.Id)
            {
                // Linked before by this holder (a link whose last step did not finish): finish it.
                foreach (var stage in onLinked) await stage.LinkedAsync(caseId, party.PartyNumber, caller.Id, ct);
                return new PartyLinkOutcome(stored, party.PartyNumber, Linked: true);
            }
            if (party.UserId is not null)
                throw new ConflictException("party-already-linked", $"Party {party.PartyNumber}'s account is linked already.");
            var checks = await store.ListRowsAsync(caseId, PartyRows.IdentityChecks, ct);
            if (!PartyIdentity.IsVerifiedAs(caller, party, checks))
                throw new DomainRuleException("identity-not-verified",
                    "Your identity is not verified as this party's: sign in with real-name verification, or ask the court's clerk "
                    + "to check it (SPC Online Litigation Rules art. 7).");
        }

        // On the list of the holder's cases first (a link that then fails leaves a row that points at a case it does not see, which
        // lists skip); then the code is taken for this holder under its ETag (of two holders racing, one), then the party linked.
        await userCases.AddUserCaseAsync(caller.Id, caseId, now, ct);
        await changes.ChangeRowAsync(caseId, PartyRows.LinkCodes, codeId, c =>
            c.UsedBy == caller.Id ? null : c.UsedAt is null ? c with { UsedAt = now, UsedBy = caller.Id } : throw Invalid(), ct);
        var saved = await changes.ApplyAsync(caseId, c =>
        {
            var current = c.Parties.Single(p => p.PartyNumber == party.PartyNumber);
            if (representative is null ? current.UserId is not null : current.Representatives.Any(x => x.UserId == caller.Id)) return null;
            var linked = representative is null
                ? current with { UserId = caller.Id }
                : current with { Representatives = [.. current.Representatives, representative] };
            if (representative is not null && AgentsAdLitem.Problem(linked.Representatives) is { } tooMany)
                throw new DomainRuleException("agents-ad-litem-limit", tooMany, "representative");
            var reason = representative is null
                ? $"Party {current.PartyNumber}'s own account linked by its holder, its identity verified"
                : $"{representative.Name} asked to act for party {current.PartyNumber} with its link code: "
                    + "waits for a clerk to accept the power of attorney";
            return CaseChange.Of(c.Record(Action, Access.CaseAccess.PartyActor(caller), now, reason,
                x => x with { Parties = x.Parties.Select(p => p.PartyNumber == current.PartyNumber ? linked : p).ToList() }));
        }, ct, stored);
        if (representative is null)
            foreach (var stage in onLinked) await stage.LinkedAsync(caseId, party.PartyNumber, caller.Id, ct);
        await signals.CaseChangedAsync(saved.Case, Action, ct);
        return new PartyLinkOutcome(saved, party.PartyNumber, Linked: representative is null);
    }

    /// <summary>
    /// Takes one of the caller's tries at the party's code of <paramref name="generation"/> (false: it has none left). The first try
    /// inserts the caller's row once; every later one changes it under its ETag, so tries made at once are each counted.
    /// </summary>
    private async Task<bool> TakeTryAsync(string caseId, int partyNumber, int generation, string userId, CancellationToken ct)
    {
        var id = PartyRows.LinkTriesId(partyNumber, userId);
        if (await changes.InsertRowAsync(caseId, PartyRows.LinkTries, id, LinkTries.First(partyNumber, generation), ct)) return true;
        // Once out of tries the row stays as it is: nothing more to count.
        var taken = await changes.ChangeRowAsync(caseId, PartyRows.LinkTries, id,
            t => t.Generation == generation && t.Exceeded ? null : t.Next(generation), ct);
        return taken.Changed && !taken.After.Value.Exceeded;
    }
}
