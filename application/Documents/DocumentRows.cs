using ECourt.Application.Cases;
using ECourt.Domain.Documents;

namespace ECourt.Application.Documents;

/// <summary>Each document's row in its case's partition: "doc-{documentId}", with its SHA-256 as recorded at upload.</summary>
public static class DocumentRows
{
    public static readonly CaseRowKind<CaseDocument> Documents = new("doc-");
}

/// <summary>The content is not what the court accepts, or not what it was declared as (415).</summary>
public sealed class UnsupportedContentException(string detail) : Exception(detail);

/// <summary>Stored bytes no longer match the SHA-256 recorded when the document was filed: withheld, and IT alerted.</summary>
public sealed class DocumentIntegrityException(string caseId, string documentId)
    : Exception($"Document {documentId} of case {caseId} does not match the SHA-256 recorded at upload.");
