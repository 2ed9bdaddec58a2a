using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Courts;
using ECourt.Domain.Documents;
using ECourt.Domain.Fees;
using ECourt.Domain.Parties;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.Fees;

/// <summary>
/// At registration the fee notice is written as a document of the case (its blob, then its row beside the case, once:
/// an earlier try's bytes are reused) and served on every plaintiff.
/// </summary>
public sealed class FeeNoticeAtRegistration(IssueCourtDocument issue, CourtDirectory courts) : IServedAtRegistration
{
    public async Task<IReadOnlyList<DocumentToServe>> DocumentsAsync(StoredCase stored, DateTimeOffset now, CancellationToken ct)
    {
        var c = stored.Case;
        var plaintiffs = c.Parties.Where(p => p.Role == PartyRole.Plaintiff).ToList();
        var courtName = courts.TryGet(c.Court, out var court) ? court.Name : c.Court;
        var document = await issue.RunAsync(stored, FeeNoticeDocument.IdFor(c.CaseId), DocumentKind.FeeNotice, "缴费通知书.txt",
            FeeNoticeDocument.ContentType, () => FeeNoticeDocument.Render(c, courtName), now, ct);
        return [new DocumentToServe(document.Document, ServedDocumentKind.FeeNotice, plaintiffs, null)];
    }
}
