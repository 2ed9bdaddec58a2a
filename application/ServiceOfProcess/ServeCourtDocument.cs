using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Domain.Cases;
using ECourt.Domain.Courts;
using ECourt.Domain.Documents;
using ECourt.Domain.Parties;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// A court document (a decision, a notice) served on its recipients like any other: its document is written once, its service
/// on each recipient started by its own workflow, then the case records that it was sent. Every step is repeatable, so the
/// request that decided it and the lifecycle (which keeps the document's pending service after a crash) may both run it.
/// </summary>
public sealed class ServeCourtDocument(IssueCourtDocument issue, ServiceRecords records, CaseChanges changes, CourtDirectory courts,
    TimeProvider clock)
{
    /// <summary>What is served: the document's id, kind and file, how it reads for the court that issues it, and on whom.</summary>
    public sealed record Notice(string DocumentId, DocumentKind Kind, ServedDocumentKind ServedAs, string FileName, string ContentType,
        Func<CourtCase, string, byte[]> Render, Func<CourtCase, IReadOnlyList<Party>> Recipients);

    /// <param name="recordSent">the case's change once every recipient's service has started: the time and the party numbers</param>
    public async Task<StoredCase> RunAsync(StoredCase stored, Notice notice,
        Func<CourtCase, DateTimeOffset, IReadOnlyList<int>, CaseChange?> recordSent, CancellationToken ct)
    {
        var c = stored.Case;
        var now = clock.GetUtcNow();
        var courtName = courts.TryGet(c.Court, out var court) ? court.Name : c.Court;
        var issued = await issue.RunAsync(stored, notice.DocumentId, notice.Kind, notice.FileName, notice.ContentType,
            () => notice.Render(c, courtName), now, ct);
        var recipients = notice.Recipients(c);
        foreach (var party in recipients)
            await records.StartAsync(c, issued.Document, notice.ServedAs, party, now, null, ct);
        var served = recipients.Select(p => p.PartyNumber).ToList();
        return await changes.ApplyAsync(c.CaseId, x => recordSent(x, now, served), ct, issued.Case);
    }
}
