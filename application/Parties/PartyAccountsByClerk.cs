using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Parties;

namespace ECourt.Application.Parties;

/// <summary>POST …/parties/{partyNumber}/identity-checks: a clerk's check of an account claiming to be the party.</summary>
/// <param name="Method">how it was checked: in person with the identity document, by video, …</param>
public sealed record IdentityCheckRequest(
    [property: Required, Bound(Bounds.UserId)] string? UserId,
    [property: Required, Bound(Bounds.Name)] string? Method,
    [property: Required] bool? Passed);

/// <summary>POST …/parties/{partyNumber}/representatives/{userId}/acceptance: the power of attorney the clerk accepted.</summary>
public sealed record RepresentativeAcceptanceRequest([property: Required, Bound(Bounds.Code)] string? PowerOfAttorneyDocumentId);

/// <summary>POST …/parties/{partyNumber}/consent-confirmation: the contract clause the clerk checked.</summary>
public sealed record ConsentConfirmationRequest([property: Required, Bound(Bounds.Code)] string? ClauseDocumentId);

/// <summary>
/// A clerk's acts on a party's account and consent: recording an identity check (the other way a holder's identity is
/// verified), issuing the party's next link code (the last one used, expired or tried wrongly too often; the clerk gives
/// it to the party by post or in person), accepting a representative's power of attorney, and confirming a consent to
/// electronic service that another party asserted by a prior contract.
/// </summary>
public sealed class PartyAccountsByClerk(ICaseStore store, CaseChanges changes, IUserCases userCases, PartyLinkKey key, CaseSignals signals,
    TimeProvider clock)
{
    public sealed record IssuedCode(int PartyNumber, string Code, DateTimeOffset ExpiresAt);

    private static Party PartyOf(CourtCase c, int partyNumber) =>
        c.Parties.FirstOrDefault(p => p.PartyNumber == partyNumber) ?? throw new NotFoundException("such party");

    public async Task<StoredCase> RecordIdentityCheckAsync(CaseGrant grant, int partyNumber, IdentityCheckRequest r, CancellationToken ct)
    {
        PartyOf(grant.Case, partyNumber);
        var v = new Validation();
        var userId = v.Text(r.UserId, "userId");
        var method = v.Text(r.Method, "method");
        v.Check(r.Passed is not null, "passed", "Whether the check passed: true or false.");
        v.ThrowIfAny();
        var now = clock.GetUtcNow();
        var check = new IdentityCheck(partyNumber, userId!, method!, r.Passed!.Value, now, grant.Caller.Id);
        return await changes.ApplyAsync(grant.CaseId, c =>
        {
            var (changed, ev) = c.Record("RecordIdentityCheck", CaseAccess.ActorFor(grant.Caller, Roles.Clerk), now,
                // The account checked is named in the check's row, not in the case's history, which other parties read.
                $"Identity of an account checked for party {partyNumber} ({method}): {(check.Passed ? "passed" : "not passed")}", x => x);
            return CaseChange.Of(changed, [ev]).Writing(CaseRow.Of(PartyRows.IdentityChecks, PartyRows.IdentityCheckId(partyNumber,
                userId!), check));
        }, ct, grant.Stored);
    }

    public async Task<IssuedCode> IssueLinkCodeAsync(CaseGrant grant, int partyNumber, CancellationToken ct)
    {
        var party = PartyOf(grant.Case, partyNumber);
        if (grant.Case.CaseNumber is null) throw new ConflictException("case-not-registered",
            $"The case is {grant.Case.Status}; link codes come with registration.");
        if (party.UserId is not null) throw new ConflictException("party-already-linked",
            $"Party {partyNumber}'s account is linked already.");
        var now = clock.GetUtcNow();
        var id = PartyRows.LinkCodeId(partyNumber);
        var earlier = await store.GetRowAsync(grant.CaseId, PartyRows.LinkCodes, id, ct);
        var issued = PartyLinkCode.Issue(partyNumber, (earlier?.Value.Generation ?? 0) + 1, now);
        await changes.ApplyAsync(grant.CaseId, c =>
        {
            var (changed, ev) = c.Record("IssueLinkCode", CaseAccess.ActorFor(grant.Caller, Roles.Clerk), now,
                $"Link code {issued.Generation} issued for party {partyNumber}, "
                + $"valid to {Domain.Calendar.ChinaTime.ToChinaTime(issued.ExpiresAt):yyyy-MM-dd}", x => x);
            return CaseChange.Of(changed, [ev]).Writing(CaseRow.Of(PartyRows.LinkCodes, id, issued, earlier?.ETag));
        }, ct, grant.Stored);
        return new IssuedCode(partyNumber, issued.Code(key.Key, grant.CaseId), issued.ExpiresAt);
    }

    public async Task<StoredCase> AcceptRepresentativeAsync(CaseGrant grant, int partyNumber, string userId,
        RepresentativeAcceptanceRequest r,
        CancellationToken ct)
    {
        var party = PartyOf(grant.Case, partyNumber);
        if (party.Representatives.FirstOrDefault(x => x.UserId == userId && x.PendingSince is not null) is not { } pending)
            throw new NotFoundException("such representative waiting for acceptance");
        var v = new Validation();
        var document = grant.Case.FiledDocuments.FirstOrDefault(d => d.DocumentId == r.PowerOfAttorneyDocumentId);
        v.Check(document is { Kind: DocumentKind.PowerOfAttorney }, "powerOfAttorneyDocumentId", "A power of attorney filed in this case.");
        v.ThrowIfAny();
        var now = clock.GetUtcNow();
        await userCases.AddUserCaseAsync(userId, grant.CaseId, now, ct);
        var saved = await changes.ApplyAsync(grant.CaseId, c =>
        {
            var current = PartyOf(c, partyNumber);
            if (!current.Representatives.Any(x => x.UserId == userId && x.PendingSince is not null)) return null;
            var accepted = current with
            {
                Representatives = current.Representatives.Select(x => x.UserId == userId ? x with { PendingSince = null } : x).ToList(),
            };
            return CaseChange.Of(c.Record("AcceptRepresentative", CaseAccess.ActorFor(grant.Caller, Roles.Clerk), now,
                $"Power of attorney {document!.DocumentId} accepted: {pending.Name} acts for party {partyNumber} (CPL art. 62)",
                x => x with { Parties = x.Parties.Select(p => p.PartyNumber == partyNumber ? accepted : p).ToList() }));
        }, ct, grant.Stored);
        await signals.CaseChangedAsync(saved.Case, "AcceptRepresentative", ct);
        return saved;
    }

    public async Task<StoredCase> ConfirmContractConsentAsync(CaseGrant grant, int partyNumber, ConsentConfirmationRequest r,
        CancellationToken ct)
    {
        var party = PartyOf(grant.Case, partyNumber);
        if (party.ElectronicServiceConsent is not { Source: ConsentSource.PriorContract, ConfirmedAt: null })
            throw new ConflictException("no-prior-contract-consent-to-confirm",
                $"Party {partyNumber} has no consent by a prior contract waiting for the clerk's check.");
        var v = new Validation();
        v.Check(grant.Case.FiledDocuments.Any(d => d.DocumentId == r.ClauseDocumentId), "clauseDocumentId",
            "The contract with the clause, filed in this case.");
        v.ThrowIfAny();
        var now = clock.GetUtcNow();
        var clerk = grant.Caller.Id;
        var saved = await changes.ApplyAsync(grant.CaseId, c =>
        {
            var current = PartyOf(c, partyNumber);
            if (current.ElectronicServiceConsent is not { ConfirmedAt: null } consent) return null;
            var confirmed = current with
            {
                ElectronicServiceConsent = consent with { ClauseDocumentId = r.ClauseDocumentId, ConfirmedBy = clerk, ConfirmedAt = now },
                ServiceAddresses = current.ServiceAddresses
                    .Select(a => a.Channel is ServiceChannel.Sms or ServiceChannel.Email && a.ConfirmedAt is null
                        ? a with { ConfirmedAt = now, ConfirmedBy = clerk } : a)
                    .ToList(),
            };
            return CaseChange.Of(c.Record("ConfirmContractConsent", CaseAccess.ActorFor(grant.Caller, Roles.Clerk), now,
                $"Consent to electronic service by the contract clause in {r.ClauseDocumentId} checked: "
                + $"party {partyNumber}'s electronic addresses confirmed (Online Litigation Rules art. 29)",
                x => x with { Parties = x.Parties.Select(p => p.PartyNumber == partyNumber ? confirmed : p).ToList() }));
        }, ct, grant.Stored);
        await signals.CaseChangedAsync(saved.Case, "ConfirmContractConsent", ct);
        return saved;
    }
}
