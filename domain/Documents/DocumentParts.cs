using ECourt.Domain.Cases;

namespace ECourt.Domain.Documents;

/// <summary>
/// The documents filed so far, listed in the case's snapshot (the part "documents") so that rules about them, such as
/// submit's need for a complaint, take one point read; each document's own row holds who filed it and when.
/// </summary>
public static class DocumentParts
{
    public static readonly CasePart Documents = CasePart.Of<IReadOnlyList<FiledDocument>>("documents");

    /// <summary>
    /// Documents a case file holds online. The list lives in the snapshot, which a table row bounds at 1 MiB beside the
    /// parties and reasons (1000 entries take about 120 KB of it).
    /// </summary>
    public const int MaxDocuments = 1000;

    extension(CourtCase c)
    {
        public IReadOnlyList<FiledDocument> FiledDocuments => c.Part<IReadOnlyList<FiledDocument>>() ?? [];

        public bool HasDocument(string documentId) => c.FiledDocuments.Any(d => d.DocumentId == documentId);

        public bool HasDocumentOfKind(DocumentKind kind) => c.FiledDocuments.Any(d => d.Kind == kind);

        /// <summary>The case listing one more document (once).</summary>
        public CourtCase WithDocument(CaseDocument document)
        {
            if (c.HasDocument(document.DocumentId)) return c;
            if (c.FiledDocuments.Count >= MaxDocuments)
                throw new DomainRuleException("case-file-full", $"A case file holds at most {MaxDocuments} documents online.");
            return c.With<IReadOnlyList<FiledDocument>>([.. c.FiledDocuments, new FiledDocument(document.DocumentId, document.Kind)]);
        }
    }
}
