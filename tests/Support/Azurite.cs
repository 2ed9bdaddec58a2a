using ECourt.Adapters.Storage;

namespace ECourt.Testing;

/// <summary>The Azurite that scripts/test starts, named by ECOURT_TEST_STORAGE. Each test gets tables of its own.</summary>
public static class Azurite
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("ECOURT_TEST_STORAGE") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("ECOURT_TEST_STORAGE is not set: run the tests with scripts/test, which starts Azurite for them.");

    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    public static async Task<StorageClients> NewStorageAsync(StorageRequestCounter? counter = null)
    {
        var storage = new StorageClients(new StorageOptions { ConnectionString = ConnectionString, NamePrefix = NewPrefix() }, counter);
        await storage.EnsureCreatedAsync();
        return storage;
    }
}
