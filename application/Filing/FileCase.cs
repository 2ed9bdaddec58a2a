using System.Security.Cryptography;
using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain;
using ECourt.Domain.Access;
using ECourt.Domain.Cases;
using ECourt.Domain.Courts;
using ECourt.Domain.Fees;
using ECourt.Domain.Numbering;

namespace ECourt.Application.Filing;

/// <summary>
/// A party or its lawyer files a case online: it is created as a Draft, with fee aid applied for with it when the filing
/// asks. With an Idempotency-Key the case id is derived from the filer and the key, so a repeat lands on the same case:
/// the first result when it asked for the same thing, refused when not.
/// </summary>
public sealed class FileCase(CaseChanges changes, ICaseStore store, IUserCases userCases, CourtDirectory courts, FeeCollection fees,
    TimeProvider clock)
{
    /// <param name="fingerprint">the SHA-256 of the request's body, to tell a repeat from another filing under the same key</param>
    public async Task<StoredCase> RunAsync(FilingRequest request, CourtUser caller, string fingerprint, string? idempotencyKey,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var filer = CaseAccess.PartyActor(caller);
        var caseId = idempotencyKey is null
            ? CaseId.FromRandom(RandomNumberGenerator.GetBytes(12))
            : CaseId.FromIdempotencyKey(caller.Id, idempotencyKey);
        var (draft, events) = Read(request, caller, filer, now, fingerprint, caseId);
        // Each participant's list first: a create that then fails leaves a row that points at no case, which lists skip.
        foreach (var userId in draft.ParticipantUserIds())
            await userCases.AddUserCaseAsync(userId, draft.CaseId, now, ct);
        return await changes.CreateAsync(draft, events, ct) ?? await ExistingAsync(draft, ct);
    }

    /// <summary>A repeat with the same key returns the first result, if it asked for the same thing.</summary>
    private async Task<StoredCase> ExistingAsync(CourtCase draft, CancellationToken ct)
    {
        var existing = await store.GetAsync(draft.CaseId, ct) ?? throw new InvalidOperationException("The case exists and cannot be read.");
        if (existing.Case.FilingFingerprint != draft.FilingFingerprint)
            throw new DomainRuleException("idempotency-key-reused", "This Idempotency-Key was used for a different filing; use a new key.");
        return existing;
    }

    private (CourtCase Draft, List<CaseEvent> Events) Read(FilingRequest r, CourtUser caller, Actor filer, DateTimeOffset now,
        string fingerprint,
        string caseId)
    {
        var v = new Validation();
        var court = courts.DefaultCourt;
        if (r.Court is not null && !courts.TryGet(r.Court, out court)) v.Add("court", "This deployment does not serve that court.");
        var caseType = v.Enum<FeeCaseType>(r.CaseType, "caseType");
        if (caseType is { } t)
            v.Check(CaseTypeCode.IsFileable(t), "caseType", "This kind of case is not filed online as a first-instance case.");
        var procedure = string.IsNullOrEmpty(r.Procedure) ? Procedure.Ordinary : v.Enum<Procedure>(r.Procedure, "procedure");
        var cause = v.Text(r.Cause, "cause");
        var claims = v.Text(r.Claims, "claims");
        var facts = v.Text(r.Facts, "facts", required: false) ?? "";
        var claimAmount = v.Amount(r.ClaimAmount, "claimAmount", caseType == FeeCaseType.Property,
            "A property case states the amount claimed.");
        var parties = PartyReader.Read(r.Parties, caller, now, v);
        FeeAidKind? aidKind = null;
        List<string> aidReasons = [];
        if (r.FeeAid is { } aid)
        {
            aidKind = v.Enum<FeeAidKind>(aid.Kind, "feeAid.kind");
            aidReasons = v.Reasons(aid.Reasons, "feeAid.reasons", required: true);
        }
        v.ThrowIfAny();

        var (draft, created) = CourtCase.Draft(caseId, court.Code, caseType!.Value, procedure!.Value, cause!, claimAmount, claims!, facts,
            parties, filer, fingerprint, now);
        if (aidKind is null) return (draft, [created]);
        // Fee aid applied for with the filing is the filing's second event, written with it.
        var (withAid, applied) = fees.ApplyForAid(draft, filer, now, aidKind.Value, aidReasons);
        return (withAid, [created, applied]);
    }
}
