namespace ECourt.Adapters.Storage;

/// <summary>
/// Where tables and blobs live. Locally a connection string (Azurite); in Azure the service URIs
/// with the app's managed identity, as the Functions host's AzureWebJobsStorage__* settings name them.
/// </summary>
public sealed class StorageOptions
{
    public string? ConnectionString { get; set; }
    public Uri? TableServiceUri { get; set; }
    public Uri? BlobServiceUri { get; set; }
    public Uri? QueueServiceUri { get; set; }
    /// <summary>Client id of a user-assigned managed identity; empty for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }
    /// <summary>Prefix for table and container names, so test runs and hubs can share an account.</summary>
    public string NamePrefix { get; set; } = "";
}
