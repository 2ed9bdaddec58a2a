using System.Text.Json;
using Azure.Storage.Queues;
using ECourt.Adapters.Storage;
using ECourt.Application.Publication;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ECourt.Functions.Messaging;

/// <summary>
/// Applies the index queue's messages to the search index (<see cref="IndexPublishedJudgment"/>). A failure (the index down) is sent
/// again later by <see cref="QueueMessageRetry"/> and parked for the sweep when it keeps failing, never lost; a message that cannot
/// be read is dropped with a warning, since it would only fail again.
/// </summary>
public sealed class JudgmentIndexFunctions(StorageClients storage, QueueMessageRetry retry, IndexPublishedJudgment index,
    ILogger<JudgmentIndexFunctions> log)
{
    [Function("IndexJudgment")]
    public Task Index([QueueTrigger(StorageNames.JudgmentIndex)] string message, FunctionContext context) =>
        ApplyAsync(message, context.CancellationToken);

    public Task ApplyAsync(string message, CancellationToken ct) =>
        retry.RunAsync(storage.JudgmentIndex, message, async body =>
        {
            JudgmentIndexMessage? read = null;
            try
            {
                read = JsonSerializer.Deserialize<JudgmentIndexMessage>(body, StoredJson.Options);
            }
            catch (JsonException)
            {
            }
            if (read is not { JudgmentId: not null })
            {
                log.LogWarning("Queue {Queue}: a message that is no index message was dropped", StorageNames.JudgmentIndex);
                return;
            }
            await index.RunAsync(read, ct);
        }, ct);
}

/// <summary>
/// The local host's and the tests' stand-in for the Functions host's queue trigger on the index queue: it receives the same messages
/// from the same storage queue and hands each to the same function, deleting it once handled (a failure is sent again by the
/// function's retry, as in Azure).
/// </summary>
public sealed class JudgmentIndexQueuePump(StorageClients storage, JudgmentIndexFunctions function, ILogger<JudgmentIndexQueuePump> log)
    : BackgroundService
{
    public static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        QueueClient queue = storage.JudgmentIndex;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var messages = (await queue.ReceiveMessagesAsync(16, TimeSpan.FromMinutes(1), stoppingToken)).Value;
                foreach (var m in messages)
                {
                    await function.ApplyAsync(m.Body.ToString(), stoppingToken);
                    await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, stoppingToken);
                }
                if (messages.Length == 0) await Task.Delay(Idle, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "The index queue could not be read; trying again");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }
}
