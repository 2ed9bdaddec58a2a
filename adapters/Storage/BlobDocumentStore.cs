using Azure;
using Azure.Storage.Blobs.Models;
using ECourt.Application.Documents;

namespace ECourt.Adapters.Storage;

/// <summary>
/// Document bytes as block blobs under "{caseId}/{documentId}", with their SHA-256 in the blob's metadata.
/// Every write is conditional on the blob not existing (If-None-Match: *), so two uploads racing for one id
/// cannot leave the bytes of one beside the recorded hash of the other: the second learns the first's hash.
/// </summary>
public sealed class BlobDocumentStore(StorageClients storage) : IDocumentStore
{
    private const string HashKey = "sha256";

    public async Task<string> PutAsync(string caseId, string documentId, ReadOnlyMemory<byte> content, string contentType, string sha256, CancellationToken ct = default)
    {
        var blob = storage.Documents.GetBlobClient($"{caseId}/{documentId}");
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = new Dictionary<string, string> { [HashKey] = sha256 },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, ct);
            return sha256;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Written before: by an earlier try of this request (the same hash) or by another upload (another hash).
            var properties = await blob.GetPropertiesAsync(cancellationToken: ct);
            return properties.Value.Metadata.TryGetValue(HashKey, out var stored) ? stored : "";
        }
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
