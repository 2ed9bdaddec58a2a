using ECourt.Domain.Cases;

namespace ECourt.Domain.Documents;

/// <summary>
/// The documents filed so far, listed in the case's snapshot (the part "documents") so that rules about them, such as
/// submit's need for a complaint, take one point read; each document's own row holds who filed it and when.
/// </summary>
public static class DocumentParts
{
    public static readonly CasePart Documents = CasePart.Of<IReadOnlyList<FiledDocument>>("documents");

    extension(CourtCase c)
    {
        public IReadOnlyList<FiledDocument> FiledDocuments => c.Part<IReadOnlyList<FiledDocument>>() ?? [];

        public bool HasDocument(string documentId) => c.FiledDocuments.Any(d => d.DocumentId == documentId);

        public bool HasDocumentOfKind(DocumentKind kind) => c.FiledDocuments.Any(d => d.Kind == kind);

        /// <summary>The case listing one more document (once).</summary>
        public CourtCase WithDocument(CaseDocument document) => c.HasDocument(document.DocumentId)
            ? c
            : c.With<IReadOnlyList<FiledDocument>>([.. c.FiledDocuments, new FiledDocument(document.DocumentId, document.Kind)]);
    }
}
