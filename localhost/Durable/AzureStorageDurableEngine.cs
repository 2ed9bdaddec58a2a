using DurableTask.AzureStorage;
using DurableTask.Core;
using ECourt.Orchestrations;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;

namespace ECourt.LocalHost.Durable;

/// <summary>
/// The persistent durable engine of the local host, as `func start` has it with Azurite: the Durable Task
/// Framework's Azure Storage provider (the default provider of Durable Functions), exposed to the
/// portable SDK's worker and client through the gRPC sidecar that Microsoft.DurableTask.InProcessTestHost
/// makes public. Orchestrations and their timers live in Azurite and survive a restart of the host.
/// </summary>
/// <remarks>
/// Facts this relies on: the sidecar never creates the task hub, so it is created first; only one
/// worker connects at a time; the provider's default queue back-off is 30 s, so polling is capped at
/// 1 s; no app lease, since one host runs. Starting sub-orchestrations needs a repair of the sidecar's
/// history events on this provider; the lifecycle uses none.
/// </remarks>
public static class AzureStorageDurableEngine
{
    /// <param name="register">the orchestrations and activities to run; this build's catalog unless given</param>
    public static IServiceCollection AddAzureStorageDurableEngine(this IServiceCollection services, string connectionString, string taskHub,
        int port, Action<Microsoft.DurableTask.DurableTaskRegistry>? register = null)
    {
        var address = $"http://127.0.0.1:{port}";
        services.AddSingleton(sp => new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = taskHub,
            MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
            UseAppLease = false,
            PartitionCount = 1,
            MaxConcurrentTaskOrchestrationWorkItems = 32,
            MaxConcurrentTaskActivityWorkItems = 32,
            LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
        }));
        // Registered before the worker, so the sidecar listens before the worker connects.
        services.AddHostedService(sp =>
            new SidecarHost(address, sp.GetRequiredService<AzureStorageOrchestrationService>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddDurableTaskWorker(builder =>
        {
            builder.UseGrpc(address);
            builder.AddTasks(register ?? OrchestrationCatalog.Register);
        });
        services.AddDurableTaskClient(builder =>
        {
            builder.UseGrpc(address);
            builder.RegisterDirectly();
        });
        return services;
    }

    private sealed class SidecarHost(string address, AzureStorageOrchestrationService service, ILoggerFactory loggerFactory)
        : IHostedService, IAsyncDisposable
    {
        private IHost? _host;

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await service.CreateIfNotExistsAsync();
            _host = Host.CreateDefaultBuilder()
                .ConfigureLogging(logging =>
                {
                    logging.ClearProviders();
                    logging.Services.AddSingleton(loggerFactory);
                })
                .ConfigureWebHostDefaults(web =>
                {
                    web.UseUrls(address);
                    web.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2));
                    web.ConfigureServices(s =>
                    {
                        s.AddGrpc();
                        s.AddSingleton<IOrchestrationService>(service);
                        s.AddSingleton<IOrchestrationServiceClient>(service);
                        s.AddSingleton<TaskHubGrpcServer>();
                    });
                    web.Configure(app =>
                    {
                        app.UseRouting();
                        app.UseEndpoints(endpoints => endpoints.MapGrpcService<TaskHubGrpcServer>());
                    });
                })
                .Build();
            await _host.StartAsync(cancellationToken);
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            if (_host is not null) await _host.StopAsync(cancellationToken);
            // The provider outlives the sidecar's host; stopped, it releases its partition leases, so the next host (a
            // restart, a new build) takes over at once instead of after the lease expires, and dequeues nothing meanwhile.
            await service.StopAsync(isForced: true);
        }

        public async ValueTask DisposeAsync()
        {
            if (_host is not null)
            {
                await _host.StopAsync();
                _host.Dispose();
            }
        }
    }
}
