using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace ECourt.Adapters.Storage;

/// <summary>The real Azure SDK clients for the court's tables and blobs.</summary>
public sealed class StorageClients
{
    public StorageClients(StorageOptions options, StorageRequestCounter? counter = null)
    {
        Names = new StorageNames(options.NamePrefix);
        var tableOptions = new TableClientOptions();
        var blobOptions = new BlobClientOptions();
        if (counter is not null)
        {
            tableOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
            blobOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        }
        if (!string.IsNullOrEmpty(options.ConnectionString))
        {
            Tables = new TableServiceClient(options.ConnectionString, tableOptions);
            Blobs = new BlobServiceClient(options.ConnectionString, blobOptions);
        }
        else if (options.TableServiceUri is not null && options.BlobServiceUri is not null)
        {
            TokenCredential credential = new ManagedIdentityCredential(string.IsNullOrEmpty(options.ManagedIdentityClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
            Tables = new TableServiceClient(options.TableServiceUri, credential, tableOptions);
            Blobs = new BlobServiceClient(options.BlobServiceUri, credential, blobOptions);
        }
        else
        {
            throw new InvalidOperationException("Storage is not configured: set a connection string, or the table and blob service URIs.");
        }
        Cases = Tables.GetTableClient(Names.Cases);
        CaseIndex = Tables.GetTableClient(Names.CaseIndex);
        CaseNumbers = Tables.GetTableClient(Names.CaseNumbers);
        Suspense = Tables.GetTableClient(Names.Suspense);
        Funds = Tables.GetTableClient(Names.Funds);
        Reconciliations = Tables.GetTableClient(Names.Reconciliations);
        Documents = Blobs.GetBlobContainerClient(Names.DocumentsContainer);
    }

    public StorageNames Names { get; }
    public TableServiceClient Tables { get; }
    public BlobServiceClient Blobs { get; }
    public TableClient Cases { get; }
    public TableClient CaseIndex { get; }
    public TableClient CaseNumbers { get; }
    public TableClient Suspense { get; }
    public TableClient Funds { get; }
    public TableClient Reconciliations { get; }
    public BlobContainerClient Documents { get; }

    /// <summary>Creates the tables and the container where they do not exist yet.</summary>
    public async Task EnsureCreatedAsync(CancellationToken ct = default)
    {
        await Task.WhenAll(
            Cases.CreateIfNotExistsAsync(ct),
            CaseIndex.CreateIfNotExistsAsync(ct),
            CaseNumbers.CreateIfNotExistsAsync(ct),
            Suspense.CreateIfNotExistsAsync(ct),
            Funds.CreateIfNotExistsAsync(ct),
            Reconciliations.CreateIfNotExistsAsync(ct),
            Documents.CreateIfNotExistsAsync(cancellationToken: ct));
    }
}
