using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace ECourt.Adapters.Storage;

/// <summary>The real Azure SDK clients for the court's tables and blobs.</summary>
public sealed class StorageClients
{
    public StorageClients(StorageOptions options, StorageRequestCounter? counter = null)
    {
        Names = new StorageNames(options.NamePrefix);
        var tableOptions = new TableClientOptions();
        var blobOptions = new BlobClientOptions();
        // Base64, as the Functions host's queue trigger reads messages by default.
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        if (counter is not null)
        {
            tableOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
            blobOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
            queueOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        }
        if (!string.IsNullOrEmpty(options.ConnectionString))
        {
            Tables = new TableServiceClient(options.ConnectionString, tableOptions);
            Blobs = new BlobServiceClient(options.ConnectionString, blobOptions);
            Queues = new QueueServiceClient(options.ConnectionString, queueOptions);
        }
        else if (options.TableServiceUri is not null && options.BlobServiceUri is not null && options.QueueServiceUri is not null)
        {
            var credential = Identity.AzureCredentials.ManagedIdentity(options.ManagedIdentityClientId);
            Tables = new TableServiceClient(options.TableServiceUri, credential, tableOptions);
            Blobs = new BlobServiceClient(options.BlobServiceUri, credential, blobOptions);
            Queues = new QueueServiceClient(options.QueueServiceUri, credential, queueOptions);
        }
        else
        {
            throw new InvalidOperationException("Storage is not configured: set a connection string, or the table, blob and queue service URIs.");
        }
        Cases = Tables.GetTableClient(Names.Cases);
        CaseIndex = Tables.GetTableClient(Names.CaseIndex);
        CaseNumbers = Tables.GetTableClient(Names.CaseNumbers);
        Suspense = Tables.GetTableClient(Names.Suspense);
        Funds = Tables.GetTableClient(Names.Funds);
        Reconciliations = Tables.GetTableClient(Names.Reconciliations);
        Documents = Blobs.GetBlobContainerClient(Names.DocumentsContainer);
        CaseSignals = Queues.GetQueueClient(Names.CaseSignalsQueue);
        Certificates = Blobs.GetBlobContainerClient(Names.CertificatesContainer);
        SmsOutbox = Tables.GetTableClient(Names.SmsOutbox);
        Calendars = Tables.GetTableClient(Names.Calendars);
        IdempotencyKeys = Tables.GetTableClient(Names.IdempotencyKeys);
        IdempotentBodies = Blobs.GetBlobContainerClient(Names.IdempotentBodiesContainer);
        PublishedJudgments = Tables.GetTableClient(Names.PublishedJudgments);
        PublishedTexts = Blobs.GetBlobContainerClient(Names.PublishedTextsContainer);
        JudgmentIndex = Queues.GetQueueClient(Names.JudgmentIndexQueue);
        EnforcementOverview = Tables.GetTableClient(Names.EnforcementOverview);
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
    public QueueServiceClient Queues { get; }
    public BlobContainerClient Certificates { get; }
    /// <summary>Local runs only: the SMS notices a gateway would have sent.</summary>
    public TableClient SmsOutbox { get; }
    /// <summary>The holiday arrangements administrators published, one row per year and scope.</summary>
    public TableClient Calendars { get; }
    /// <summary>Idempotency keys of writes and the answers kept for their repeats.</summary>
    public TableClient IdempotencyKeys { get; }
    /// <summary>Answers kept for repeats that are too large for their key's row.</summary>
    public BlobContainerClient IdempotentBodies { get; }
    /// <summary>Signals for case orchestrations from code that has no durable client (the bank listeners in the Functions app).</summary>
    public QueueClient CaseSignals { get; }
    /// <summary>The public copies of published judgments, one row each at its latest version.</summary>
    public TableClient PublishedJudgments { get; }
    /// <summary>The published (anonymised) texts, one blob per judgment and version.</summary>
    public BlobContainerClient PublishedTexts { get; }
    /// <summary>Messages that a judgment's public copy changed, for the search index.</summary>
    public QueueClient JudgmentIndex { get; }
    /// <summary>The enforcement command centre's rows: one per enforcement case, by court.</summary>
    public TableClient EnforcementOverview { get; }

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
            Documents.CreateIfNotExistsAsync(cancellationToken: ct),
            CaseSignals.CreateIfNotExistsAsync(cancellationToken: ct),
            Certificates.CreateIfNotExistsAsync(cancellationToken: ct),
            SmsOutbox.CreateIfNotExistsAsync(ct),
            Calendars.CreateIfNotExistsAsync(ct),
            IdempotencyKeys.CreateIfNotExistsAsync(ct),
            IdempotentBodies.CreateIfNotExistsAsync(cancellationToken: ct),
            PublishedJudgments.CreateIfNotExistsAsync(ct),
            PublishedTexts.CreateIfNotExistsAsync(cancellationToken: ct),
            JudgmentIndex.CreateIfNotExistsAsync(cancellationToken: ct),
            EnforcementOverview.CreateIfNotExistsAsync(ct));
    }
}
