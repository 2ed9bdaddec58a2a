using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Domain.Documents;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// The complaint copy is served on every defendant at registration and must be dispatched within 5 days of it
/// (CPL art. 128); the snapshot lists the filed documents, so finding the complaint is one point read.
/// </summary>
public sealed class ComplaintCopyAtRegistration(ICaseStore store, ComplaintService complaint) : IServedAtRegistration
{
    public async Task<IReadOnlyList<DocumentToServe>> DocumentsAsync(StoredCase stored, DateTimeOffset now, CancellationToken ct)
    {
        var c = stored.Case;
        if (c.FiledDocuments.FirstOrDefault(d => d.Kind == DocumentKind.Complaint) is not { } filed
            || await store.GetRowAsync(c.CaseId, DocumentRows.Documents, filed.DocumentId, ct) is not { } document)
            return [];
        var dispatchBy = complaint.DispatchDeadline(c.RegisteredAt!.Value).EndsAt;
        return [new DocumentToServe(document.Value, ServedDocumentKind.ComplaintCopy, ComplaintService.Defendants(c).ToList(), dispatchBy)];
    }
}
