using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.Documents;

namespace ECourt.Application.Documents;

/// <summary>
/// Which parties (by number) a document of the case has reached by a stage's rule beside its own side: served on them (service of
/// process), or exchanged to them (evidence). Each such stage answers for its own documents.
/// </summary>
public interface IDocumentRecipients
{
    IReadOnlyList<int> ServedOn(CaseFile file, string documentId);
}

/// <summary>The documents of a case a caller may see (<see cref="DocumentVisibility"/>), for the case view and downloads alike.</summary>
public sealed class VisibleDocuments(IEnumerable<IDocumentRecipients> recipients)
{
    private readonly IReadOnlyList<IDocumentRecipients> _recipients = recipients.ToList();

    private IEnumerable<int> Reached(CaseFile file, string documentId) => _recipients.SelectMany(r => r.ServedOn(file, documentId));

    public bool CanSee(CaseGrant grant, CaseFile file, CaseDocument d) =>
        DocumentVisibility.CanSee(grant.Relations, grant.Parties, file.Case, d, Reached(file, d.DocumentId));

    public IReadOnlyList<CaseDocument> Of(CaseGrant grant, CaseFile file)
    {
        var parties = grant.Parties;
        return file.Rows(DocumentRows.Documents)
            .Where(d => DocumentVisibility.CanSee(grant.Relations, parties, file.Case, d, Reached(file, d.DocumentId)))
            .ToList();
    }
}
