using ECourt.Application.Cases;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Cases;
using ECourt.Domain.Hearings;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.Hearings;

/// <summary>
/// A hearing's notices (its summons, a notice of its cancellation) are served on every party like any court document (CPL art.
/// 139): each document is written once, its service on each party started by its own workflow, then the case records it was sent.
/// Every step is repeatable, so the request that issued it and the lifecycle (which keeps a notice's pending service after a crash)
/// may both run it.
/// </summary>
public sealed class ServeHearingNotice(ICaseStore store, ServeCourtDocument serve)
{
    public async Task<StoredCase> RunAsync(string caseId, CancellationToken ct = default) =>
        await RunAsync(await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId), ct);

    /// <summary>Every notice not yet sent, from the case as the caller has it (the request's commit), without a read of its own.</summary>
    public async Task<StoredCase> RunAsync(StoredCase stored, CancellationToken ct = default)
    {
        var latest = stored;
        var unsent = stored.Case.Hearings?.Hearings.SelectMany(h => h.Notices).Where(n => n.SentAt is null).ToList() ?? [];
        foreach (var notice in unsent)
        {
            if (latest.Case.Status.IsFinal()) break;
            var documentId = notice.DocumentId;
            latest = await serve.RunAsync(latest, new ServeCourtDocument.Notice(documentId, notice.Kind.DocumentKind(), notice.Kind,
                    HearingNoticeDocument.FileName(notice.Kind), HearingNoticeDocument.ContentType,
                    (c, court) => HearingNoticeDocument.Render(c, court, documentId), c => HearingNoticeDocument.Recipients(c, notice)),
                (x, now, _) => CaseChange.Of(HearingRules.NoticeSent(x, documentId, now)), ct);
        }
        return latest;
    }
}

/// <summary>A summons or a notice of cancellation served on a party: recorded on its hearing (no longer outstanding).</summary>
public sealed class HearingNoticeServed(ServedDocumentKind kind) : IServedDocumentEffect
{
    public ServedDocumentKind Kind => kind;

    public CaseChange? Apply(CourtCase c, ServiceRecord served) =>
        CaseChange.Of(HearingRules.NoticeServed(c, served.DocumentId, served.PartyNumber, served.ServedAt!.Value));
}
