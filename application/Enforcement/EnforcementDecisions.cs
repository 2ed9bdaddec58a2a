using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Application.Messaging;
using ECourt.Domain;
using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Enforcement;
using Microsoft.Extensions.Options;

namespace ECourt.Application.Enforcement;

/// <summary>
/// The enforcement case's decisions that are neither a measure through the banks nor the dishonest list: the officer records
/// performance made directly to the creditor, closes the present procedure when nothing is found and reopens it when property
/// appears; the president extends the time limit; the division head approves deferring the payout deadline. Each decides on the case
/// as read, commits once, and wakes the lifecycle.
/// </summary>
public sealed class EnforcementDecisions(CaseChanges changes, ICaseStore store, CaseSignals signals, IOptions<EnforcementOptions> options,
    DeadlineCalculator deadlines, TimeProvider clock)
{
    public async Task<StoredCase> RecordDirectPerformanceAsync(CaseGrant grant, DirectPerformanceRequest r, CancellationToken ct)
    {
        var v = new Validation();
        var amount = v.Amount(r.Amount, "amount", required: true);
        v.ThrowIfAny();
        var document = (await store.GetRowAsync(grant.CaseId, DocumentRows.Documents, r.ConfirmationDocumentId!, ct))?.Value
            ?? throw new DomainRuleException("no-such-document", $"The case has no document {r.ConfirmationDocumentId}.",
                "confirmationDocumentId");
        var side = CaseRelations.SideOfUser(document.UploadedBy, grant.Case);
        var officer = CaseAccess.ActorFor(grant.Caller, Roles.EnforcementOfficer);
        return await CommitAsync(grant, "RecordDirectPerformance", c => DirectPerformance.Record(c, officer, amount!.Value, document, side,
            clock.GetUtcNow(), deadlines, options.Value.SupervisionWorkingDays), ct);
    }

    public async Task<StoredCase> CloseForNowAsync(CaseGrant grant, CloseForNowRequest r, CancellationToken ct)
    {
        var v = new Validation();
        var heard = v.Date(r.CreditorHeardOn, "creditorHeardOn");
        v.ThrowIfAny();
        if (!grant.Case.FiledDocuments.Any(d => d.DocumentId == r.RulingDocumentId && d.Kind.IsStaffDocument()))
            throw new DomainRuleException("ruling-required",
                $"The ruling is a document the court's staff filed in the case (kind judgment); {r.RulingDocumentId} is not.",
                "rulingDocumentId");
        var officer = CaseAccess.ActorFor(grant.Caller, Roles.EnforcementOfficer);
        return await CommitAsync(grant, "CloseForNow", c => ClosingForNow.Close(c, officer, r.RulingDocumentId!, heard!.Value,
            r.Reason!.Trim(), clock.GetUtcNow()), ct);
    }

    public Task<StoredCase> ReopenAsync(CaseGrant grant, EnforcementReasonRequest r, CancellationToken ct)
    {
        var officer = CaseAccess.ActorFor(grant.Caller, Roles.EnforcementOfficer);
        return CommitAsync(grant, "ReopenEnforcement", c => ClosingForNow.Reopen(c, officer, r.Reason!.Trim(), clock.GetUtcNow(), deadlines,
            options.Value.SupervisionWorkingDays), ct);
    }

    public Task<StoredCase> ExtendLimitAsync(CaseGrant grant, EnforcementReasonRequest r, CancellationToken ct)
    {
        var president = CaseAccess.ActorFor(grant.Caller, Roles.President);
        return CommitAsync(grant, "ExtendEnforcementLimit", c => EnforcementSupervision.Extend(c, president, r.Reason!.Trim(),
            clock.GetUtcNow(), deadlines), ct);
    }

    public Task<StoredCase> DeferPayoutAsync(CaseGrant grant, PayoutDeferralRequest r, CancellationToken ct)
    {
        var v = new Validation();
        var reason = v.Enum<DeferralReason>(r.Reason, "reason");
        var until = v.Date(r.Until, "until");
        v.ThrowIfAny();
        var head = CaseAccess.ActorFor(grant.Caller, grant.Caller.IsInRole(Roles.President) ? Roles.President : Roles.DivisionHead);
        return CommitAsync(grant, "DeferPayout", c => PayoutDeferrals.Approve(c, head, reason!.Value, r.Note!.Trim(), until!.Value,
            clock.GetUtcNow()), ct);
    }

    private async Task<StoredCase> CommitAsync(CaseGrant grant, string action, Func<CourtCase, (CourtCase Case, CaseEvent Event)> decide,
        CancellationToken ct)
    {
        var saved = await changes.ApplyAsync(grant.CaseId, c => CaseChange.Of(decide(c)), ct, grant.Stored);
        await signals.CaseChangedAsync(saved.Case, action, ct);
        return saved;
    }
}
