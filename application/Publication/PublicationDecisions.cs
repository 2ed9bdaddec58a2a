using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Judgments;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Cases;
using ECourt.Domain.Publication;

namespace ECourt.Application.Publication;

/// <summary>A judgment's publication as its staff read it: where it stands and the text as it would be published.</summary>
public sealed record PublicationDraft(string CaseId, JudgmentPublication Publication, string? Text, IReadOnlyList<SensitiveSpan> Residue);

/// <summary>
/// The acts on a judgment's publication, on routes named by the judgment: its case found from the id, the caller held to the access
/// table's row for it. Reading the draft (the case's team), preparing it (the clerk), approving it (the division head or the
/// president) and withdrawing it once published (the judge); each approved or withdrawn version is released to the public at once
/// (should that fail, the lifecycle releases it).
/// </summary>
public sealed class PublicationDecisions(CaseAccess access, CaseChanges changes, PublicationText texts, ReleasePublication release,
    CaseSignals signals, TimeProvider clock)
{
    public async Task<CaseGrant> GrantAsync(string judgmentId, CourtUser caller, RouteAccess route, CancellationToken ct) =>
        await access.AuthorizeAsync(route, JudgmentIds.CaseOf(judgmentId) ?? throw new NotFoundException("such judgment"), caller, ct);

    public async Task<PublicationDraft> ReadAsync(CaseGrant grant, CancellationToken ct)
    {
        var p = grant.Case.Publication ?? throw new NotFoundException("such publication");
        var text = await texts.GetAsync(grant.CaseId, p.TextId, ct);
        return new PublicationDraft(grant.CaseId, p, text, text is null ? [] : ResidueScan.Of(text));
    }

    public async Task<PublicationDraft> PrepareAsync(CaseGrant grant, PreparePublicationRequest r, CancellationToken ct)
    {
        var clerk = CaseAccess.ActorFor(grant.Caller, Roles.Clerk);
        var corrected = await CorrectedAsync(grant, r.Text, ct);
        return await CommitAsync(grant, c => PublicationRules.PrepareDraft(c, clerk, clock.GetUtcNow(), corrected,
            r.ResidueReviewed == true),
            PublicationRules.Prepare, ct);
    }

    public async Task<PublicationDraft> ApproveAsync(CaseGrant grant, ApprovePublicationRequest r, CancellationToken ct)
    {
        var approver = CaseAccess.ActorFor(grant.Caller, grant.Caller.IsInRole(Roles.President) ? Roles.President : Roles.DivisionHead);
        var corrected = await CorrectedAsync(grant, r.Corrections, ct);
        return await CommitAsync(grant, c => PublicationRules.ApproveDraft(c, approver, clock.GetUtcNow(), corrected),
            PublicationRules.Approve, ct);
    }

    public async Task<PublicationDraft> WithdrawAsync(CaseGrant grant, WithdrawPublicationRequest r, CancellationToken ct)
    {
        var judge = CaseAccess.ActorFor(grant.Caller, Roles.Judge);
        return await CommitAsync(grant, c => PublicationRules.WithdrawPublished(c, judge, clock.GetUtcNow(), r.Reason!.Trim()),
            PublicationRules.Withdraw, ct);
    }

    /// <summary>A corrected text, written before the decision records it (its residue scanned); none when none is sent.</summary>
    private async Task<DraftText?> CorrectedAsync(CaseGrant grant, string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var p = grant.Case.Publication ?? throw new NotFoundException("such publication");
        return new DraftText(await texts.PutAsync(grant.CaseId, p.JudgmentId, text, ct), p.Redactions,
            MakePublicationDraft.Residue(text));
    }

    private async Task<PublicationDraft> CommitAsync(CaseGrant grant, Func<CourtCase, (CourtCase, CaseEvent)> decide, string action,
        CancellationToken ct)
    {
        if (grant.Case.Publication is null) throw new NotFoundException("such publication");
        var saved = await changes.ApplyAsync(grant.CaseId, c => CaseChange.Of(decide(c)), ct, grant.Stored);
        var latest = saved;
        try
        {
            latest = await release.RunAsync(saved, ct);
        }
        finally
        {
            await signals.CaseChangedAsync(latest.Case, action, ct);
        }
        return await ReadAsync(grant with { Stored = latest }, ct);
    }
}
