namespace ECourt.Domain.Ports;

/// <summary>Document bytes, stored under their case.</summary>
public interface IDocumentStore
{
    /// <param name="overwrite">false for a new document id; true when a retried request may write the same id again</param>
    Task PutAsync(string caseId, string documentId, ReadOnlyMemory<byte> content, string contentType, string sha256, bool overwrite, CancellationToken ct = default);

    Task<byte[]?> GetAsync(string caseId, string documentId, CancellationToken ct = default);
}
