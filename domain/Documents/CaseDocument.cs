namespace ECourt.Domain.Documents;

/// <summary>A document filed in a case. The SHA-256 is recorded at upload and checked whenever it is served.</summary>
public sealed record CaseDocument(
    string DocumentId,
    DocumentKind Kind,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    string UploadedBy,
    DateTimeOffset UploadedAt);
