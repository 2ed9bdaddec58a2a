using ECourt.Functions.Http;
using ECourt.Functions.Messaging;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace ECourt.LocalHost;

/// <summary>
/// The lifecycle sweep and the purge of lapsed idempotency keys on the local host's own timer, as the Functions app's timer
/// triggers run them.
/// </summary>
public sealed class LocalLifecycleSweep(IServiceProvider services, IOptions<Application.Cases.LifecycleOptions> options,
    ILogger<LocalLifecycleSweep> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var sweep = ActivatorUtilities.CreateInstance<LifecycleSweepFunction>(services);
                await sweep.RunAsync(services.GetRequiredService<DurableTaskClient>(), stoppingToken);
                await ActivatorUtilities.CreateInstance<IdempotencyPurgeFunction>(services).RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "The lifecycle sweep failed; it runs again at the next tick");
            }
        }
    }
}
