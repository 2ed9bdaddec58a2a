using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Cases;
using ECourt.Domain.Courts;
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
public sealed class ServeEvidenceNotice(ICaseStore store, IssueCourtDocument issue, ServiceRecords records, CaseChanges changes,
    CourtDirectory courts, TimeProvider clock)
{
    public async Task<StoredCase> RunAsync(string caseId, CancellationToken ct = default) =>
        await RunAsync(await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId), ct);

    /// <summary>From the case as the caller has it (the judge's request: the period it committed), without a read of its own.</summary>
    public async Task<StoredCase> RunAsync(StoredCase stored, CancellationToken ct = default)
    {
        var (c, caseId) = (stored.Case, stored.Case.CaseId);
        if (c.Evidence?.Period is not { NoticeSentAt: null } || c.Status.IsFinal()) return stored;
        var now = clock.GetUtcNow();
        var courtName = courts.TryGet(c.Court, out var court) ? court.Name : c.Court;
        var issued = await issue.RunAsync(stored, EvidenceNoticeDocument.IdFor(caseId), DocumentKind.EvidenceNotice,
            EvidenceNoticeDocument.FileName, EvidenceNoticeDocument.ContentType, () => EvidenceNoticeDocument.Render(c, courtName), now,
                ct);
        var recipients = EvidenceNoticeDocument.Recipients(c);
        foreach (var party in recipients)
            await records.StartAsync(c, issued.Document, ServedDocumentKind.EvidenceNotice, party, now, null, ct);
        return await changes.ApplyAsync(caseId,
            x => CaseChange.Of(EvidencePeriods.NoticeSent(x, now, recipients.Select(p => p.PartyNumber).ToList())), ct, issued.Case);
    }
}

/// <summary>The notice served on a party: recorded; in ordinary procedure the party still has its 15 days from the day after.</summary>
public sealed class EvidenceNoticeServed(EvidencePeriods periods) : IServedDocumentEffect
{
    public ServedDocumentKind Kind => ServedDocumentKind.EvidenceNotice;

    public CaseChange? Apply(CourtCase c, ServiceRecord served) =>
        CaseChange.Of(periods.NoticeServed(c, served.PartyNumber, served.ServedAt!.Value));
}
