using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECourt.Functions.Payments;

/// <summary>
/// Receives the bank queues (bank-credits, bank-statements) with one ServiceBusProcessor per queue hosted
/// in the worker (the Service Bus worker extension is not available here; the plan keeps an instance warm
/// for it). Messages are settled by their handler itself, never auto-completed.
/// </summary>
public sealed class BankMessageListener(ServiceBusClient serviceBus, IEnumerable<IBankMessageHandler> handlers,
    IOptions<BankMessagingOptions> options, ILogger<BankMessageListener> log) : IHostedService, IAsyncDisposable
{
    private readonly List<ServiceBusProcessor> _processors = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var handler in handlers)
        {
            var processor = serviceBus.CreateProcessor(handler.Queue, new ServiceBusProcessorOptions
            {
                AutoCompleteMessages = false,
                MaxConcurrentCalls = options.Value.MaxConcurrentCalls,
                PrefetchCount = options.Value.MaxConcurrentCalls * 2,
            });
            processor.ProcessMessageAsync += args => handler.HandleAsync(args.Message, new ProcessorSettlement(args), args.CancellationToken);
            processor.ProcessErrorAsync += args =>
            {
                log.LogError(args.Exception, "Queue {Queue}: {Source} failed", args.EntityPath, args.ErrorSource);
                return Task.CompletedTask;
            };
            _processors.Add(processor);
            await processor.StartProcessingAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.WhenAll(_processors.Select(async processor =>
    {
        try
        {
            await processor.StopProcessingAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is ServiceBusException or TimeoutException or OperationCanceledException or ObjectDisposedException)
        {
            // Unsettled messages return to the queue when their locks expire; stopping must not fail the host.
            log.LogWarning(ex, "Queue {Queue}: the listener stopped uncleanly", processor.EntityPath);
        }
    }));

    public async ValueTask DisposeAsync()
    {
        foreach (var processor in _processors)
        {
            try
            {
                await processor.DisposeAsync();
            }
            catch (Exception ex) when (ex is ServiceBusException or TimeoutException or OperationCanceledException or ObjectDisposedException)
            {
                log.LogWarning(ex, "Queue {Queue}: the listener closed uncleanly", processor.EntityPath);
            }
        }
    }
}

/// <summary>Settles through the processor's event arguments, so the handler's settlement calls reach the broker.</summary>
internal sealed class ProcessorSettlement(ProcessMessageEventArgs args) : ServiceBusReceiver
{
    public override Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) =>
        args.CompleteMessageAsync(message, cancellationToken);

    public override Task AbandonMessageAsync(ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify = null, CancellationToken cancellationToken = default) =>
        args.AbandonMessageAsync(message, propertiesToModify, cancellationToken);

    public override Task DeadLetterMessageAsync(ServiceBusReceivedMessage message, string deadLetterReason, string? deadLetterErrorDescription = null, CancellationToken cancellationToken = default) =>
        args.DeadLetterMessageAsync(message, deadLetterReason, deadLetterErrorDescription, cancellationToken);
}
