namespace ECourt.Application.Documents;

/// <summary>Document bytes, stored under their case.</summary>
public interface IDocumentStore
{
    /// <summary>
    /// Stores the bytes under the id unless something is stored there already: a document, once written, is never
    /// overwritten. Returns the SHA-256 of what the id now holds: <paramref name="sha256"/> when this call wrote it
    /// (or an earlier try of it wrote the same bytes), another hash when a different document got there first.
    /// </summary>
    Task<string> PutAsync(string caseId, string documentId, ReadOnlyMemory<byte> content, string contentType, string sha256,
        CancellationToken ct = default);

    Task<byte[]?> GetAsync(string caseId, string documentId, CancellationToken ct = default);
}
