using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.Documents;

namespace ECourt.Application.Documents;

/// <summary>Whom a document of the case is being served on (party numbers): the stage that serves documents answers it.</summary>
public interface IDocumentRecipients
{
    IReadOnlyList<int> ServedOn(CaseFile file, string documentId);
}

/// <summary>The documents of a case a caller may see (<see cref="DocumentVisibility"/>), for the case view and downloads alike.</summary>
public sealed class VisibleDocuments(IDocumentRecipients recipients)
{
    public bool CanSee(CaseGrant grant, CaseFile file, CaseDocument d) =>
        DocumentVisibility.CanSee(grant.Relations, grant.Parties, file.Case, d, recipients.ServedOn(file, d.DocumentId));

    public IReadOnlyList<CaseDocument> Of(CaseGrant grant, CaseFile file)
    {
        var parties = grant.Parties;
        return file.Rows(DocumentRows.Documents)
            .Where(d => DocumentVisibility.CanSee(grant.Relations, parties, file.Case, d, recipients.ServedOn(file, d.DocumentId)))
            .ToList();
    }
}
