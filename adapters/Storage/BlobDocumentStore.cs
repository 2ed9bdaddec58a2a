using Azure;
using Azure.Storage.Blobs.Models;
using ECourt.Domain.Ports;

namespace ECourt.Adapters.Storage;

/// <summary>Document bytes as block blobs under "{caseId}/{documentId}", with their SHA-256 in the blob's metadata.</summary>
public sealed class BlobDocumentStore(StorageClients storage) : IDocumentStore
{
    public async Task PutAsync(string caseId, string documentId, ReadOnlyMemory<byte> content, string contentType, string sha256, bool overwrite, CancellationToken ct = default)
    {
        var blob = storage.Documents.GetBlobClient($"{caseId}/{documentId}");
        await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = new Dictionary<string, string> { ["sha256"] = sha256 },
            Conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All },
        }, ct);
    }

    public async Task<byte[]?> GetAsync(string caseId, string documentId, CancellationToken ct = default)
    {
        try
        {
            var result = await storage.Documents.GetBlobClient($"{caseId}/{documentId}").DownloadContentAsync(ct);
            return result.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
