using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Adapters.Storage;

/// <summary>Signed certificates as JSON blobs "{certificateId}.json", written once and never overwritten.</summary>
public sealed class BlobCertificateStore(StorageClients storage) : ICertificateStore
{
    public async Task<SignedServiceCertificate> PutAsync(SignedServiceCertificate certificate, CancellationToken ct = default)
    {
        var blob = storage.Certificates.GetBlobClient(certificate.Certificate.CertificateId + ".json");
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(certificate, StoredJson.Options)), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, ct);
            return certificate;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Issued before (a retried step): the first certificate stands.
            return await GetAsync(certificate.Certificate.CertificateId, ct) ?? throw new InvalidOperationException("The certificate vanished.");
        }
    }

    public async Task<SignedServiceCertificate?> GetAsync(string certificateId, CancellationToken ct = default)
    {
        try
        {
            var content = await storage.Certificates.GetBlobClient(certificateId + ".json").DownloadContentAsync(ct);
            return JsonSerializer.Deserialize<SignedServiceCertificate>(content.Value.Content.ToMemory().Span, StoredJson.Options);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
