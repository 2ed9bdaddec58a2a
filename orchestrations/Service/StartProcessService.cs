using System.Security.Cryptography;
using ECourt.Domain.Cases;
using ECourt.Domain.Courts;
using ECourt.Domain.Documents;
using ECourt.Domain.Parties;
using ECourt.Domain.Ports;
using ECourt.Domain.Service;
using ECourt.Orchestrations.Cases;

namespace ECourt.Orchestrations.Service;

/// <summary>
/// After registration: the fee notice is written as a document of the case and served on the plaintiffs,
/// and the complaint copy is served on every defendant, each by its own workflow; then the case records
/// that service of process started (and its 5-day dispatch deadline). Every step is repeatable: the
/// document, the records and the workflows exist once however often this runs.
/// </summary>
public sealed class StartProcessService(ICaseStore cases, IDocumentStore documents, IServiceStore services, CaseChanges changes, CourtDirectory courts,
    ComplaintService complaint, ServiceOptions options, IWorkflowDispatcher dispatcher, TimeProvider clock) : ICaseActivity<string, bool>
{
    public async Task<bool> RunAsync(string caseId, CancellationToken ct = default)
    {
        var stored = await cases.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId);
        var c = stored.Case;
        if (!CaseDeadlines.ServiceToStart(c)) return false;
        var now = clock.GetUtcNow();

        var notice = await FeeNoticeAsync(stored, now, ct);
        // The snapshot lists the filed documents: one point read for the complaint, not the whole case file.
        var complaintDocument = c.FiledDocuments.FirstOrDefault(d => d.Kind == DocumentKind.Complaint) is { } filed
            ? await cases.GetDocumentAsync(caseId, filed.DocumentId, ct)
            : null;
        var dispatchBy = complaint.Started(c, now)!.Value.Case.Process!.DispatchDeadline;

        var starts = new List<ServiceRecord>();
        foreach (var p in c.Parties.Where(p => p.Role == PartyRole.Plaintiff))
            starts.Add(Record(c, notice.DocumentId, ServedDocumentKind.FeeNotice, notice.Sha256, p, now, null));
        if (complaintDocument is not null)
            foreach (var d in ComplaintService.Defendants(c))
                starts.Add(Record(c, complaintDocument.DocumentId, ServedDocumentKind.ComplaintCopy, complaintDocument.Sha256, d, now, dispatchBy.EndsAt));
        foreach (var record in starts)
        {
            await services.CreateAsync(record, ct);
            await dispatcher.StartServiceAsync(new ServiceRef(caseId, record.ServiceId), ct);
        }
        var started = await changes.ApplyAsync(caseId, x => complaint.Started(x, now), ct);
        await dispatcher.SignalCaseAsync(caseId, started.Case.Version, "StartServiceOfProcess", ct);
        return true;
    }

    private ServiceRecord Record(CourtCase c, string documentId, ServedDocumentKind kind, string sha256, Party party, DateTimeOffset now, DateTimeOffset? dispatchBy) =>
        ServiceRecord.Start(c.CaseId, documentId, kind, sha256, party.PartyNumber, party.Name, party.PlatformAccount, ServiceRoute.For(party, c.FiledBy, options.ChannelOrder), now)
            with { DispatchBy = dispatchBy };

    /// <summary>The fee notice as a document of the case: the blob, then its row beside the case.</summary>
    private async Task<CaseDocument> FeeNoticeAsync(StoredCase stored, DateTimeOffset now, CancellationToken ct)
    {
        var c = stored.Case;
        var documentId = FeeNoticeDocument.IdFor(c.CaseId);
        if (await cases.GetDocumentAsync(c.CaseId, documentId, ct) is { } existing) return existing;
        var bytes = await documents.GetAsync(c.CaseId, documentId, ct)
            ?? FeeNoticeDocument.Render(c, courts.TryGet(c.Court, out var court) ? court.Name : c.Court);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        // The same bytes however often written: an earlier try's blob is reused above, a concurrent one is identical.
        sha256 = await documents.PutAsync(c.CaseId, documentId, bytes, FeeNoticeDocument.ContentType, sha256, ct);
        var document = new CaseDocument(documentId, DocumentKind.FeeNotice, "缴费通知书.txt", FeeNoticeDocument.ContentType, bytes.Length, sha256, "system", now);
        for (var attempt = 0; ; attempt++)
        {
            var current = attempt == 0 ? stored : await cases.GetAsync(c.CaseId, ct) ?? throw new CaseNotFoundException(c.CaseId);
            try
            {
                await cases.AddDocumentAsync(current.Case.WithDocument(document), current.ETag, document, ct);
                return document;
            }
            catch (ConcurrentChangeException) when (attempt < 50)
            {
            }
        }
    }
}
