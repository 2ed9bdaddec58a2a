using ECourt.Adapters.Storage;
using Microsoft.Extensions.Hosting;

namespace ECourt.Functions.Composition;

/// <summary>Creates the court's tables and containers at start-up where they are missing.</summary>
public sealed class StorageInitializer(StorageClients storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
