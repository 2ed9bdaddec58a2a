using ECourt.Application.Cases;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Evidence;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.Evidence;

/// <summary>
/// The notice of the burden and period of proof is served on every party like any court document (SPC Evidence Provisions art. 50):
/// its document is written once, its service on each party started by its own workflow, then the case records it was sent. Every
/// step is repeatable, so the judge's request and the lifecycle (which keeps the notice's pending service after a crash) may both
/// run it.
/// </summary>
public sealed class ServeEvidenceNotice(ICaseStore store, ServeCourtDocument serve)
{
    public async Task<StoredCase> RunAsync(string caseId, CancellationToken ct = default) =>
        await RunAsync(await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId), ct);

    private static ServeCourtDocument.Notice Notice(string caseId) => new(EvidenceNoticeDocument.IdFor(caseId),
        DocumentKind.EvidenceNotice, ServedDocumentKind.EvidenceNotice, EvidenceNoticeDocument.FileName,
        EvidenceNoticeDocument.ContentType, EvidenceNoticeDocument.Render, EvidenceNoticeDocument.Recipients);

    /// <summary>From the case as the caller has it (the judge's request: the period it committed), without a read of its own.</summary>
    public async Task<StoredCase> RunAsync(StoredCase stored, CancellationToken ct = default)
    {
        var c = stored.Case;
        if (c.Evidence?.Period is not { NoticeSentAt: null } || c.Status.IsFinal()) return stored;
        return await serve.RunAsync(stored, Notice(c.CaseId),
            (x, now, served) => CaseChange.Of(EvidencePeriods.NoticeSent(x, now, served)), ct);
    }
}

/// <summary>The notice served on a party: recorded; in ordinary procedure the party still has its 15 days from the day after.</summary>
public sealed class EvidenceNoticeServed(EvidencePeriods periods) : IServedDocumentEffect
{
    public ServedDocumentKind Kind => ServedDocumentKind.EvidenceNotice;

    public CaseChange? Apply(CourtCase c, ServiceRecord served) =>
        CaseChange.Of(periods.NoticeServed(c, served.PartyNumber, served.ServedAt!.Value));
}
