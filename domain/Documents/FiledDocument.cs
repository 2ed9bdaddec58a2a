namespace ECourt.Domain.Documents;

/// <summary>A document of the case as the case's own record lists it.</summary>
public sealed record FiledDocument(string DocumentId, DocumentKind Kind);
