using ECourt.Application.Cases;
using ECourt.Application.Documents;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>Whom a document is being served on: the parties of its service records (the case's "svc-" rows).</summary>
public sealed class ServedDocuments : IDocumentRecipients
{
    public IReadOnlyList<int> ServedOn(CaseFile file, string documentId) =>
        file.Rows(ServiceRows.Services).Where(r => r.DocumentId == documentId).Select(r => r.PartyNumber).ToList();
}
