using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using ECourt.Adapters.Storage;
using Microsoft.Extensions.Logging;

namespace ECourt.Functions.Messaging;

/// <summary>
/// How a queue trigger handles a message it could not act on: it sends the message again itself, delayed by a wait that
/// doubles with each try, and after <see cref="MaxAttempts"/> tries parks it in a table the lifecycle sweep re-drives,
/// so that nothing ends in the host's poison queue, which nothing reads (the sweep re-drives that too, for a message the
/// host gave up on while storage was down). The try count travels in the message (a "retryAttempt" property of its JSON).
/// </summary>
public sealed class QueueMessageRetry(StorageClients storage, ILogger<QueueMessageRetry> log)
{
    public const int MaxAttempts = 10;
    public const string AttemptProperty = "retryAttempt";

    /// <summary>The wait before try <paramref name="attempt"/> + 1: 10 s doubling, at most an hour.</summary>
    public static TimeSpan Delay(int attempt) => TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, Math.Max(0, attempt - 1))));

    /// <summary>Runs <paramref name="work"/> on the message's body; a failure is sent again later or parked, never thrown.</summary>
    public async Task RunAsync(QueueClient queue, string message, Func<string, Task> work, CancellationToken ct)
    {
        var (body, attempt) = Read(message);
        try
        {
            await work(body);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var next = attempt + 1;
            if (next >= MaxAttempts)
            {
                log.LogError(ex, "Queue {Queue}: a message failed {Attempts} times and is parked for the sweep", queue.Name, next);
                await ParkedMessages.ParkAsync(storage, queue.Name, body, ex.Message, ct);
                return;
            }
            log.LogWarning(ex, "Queue {Queue}: a message failed (try {Attempt}); sent again in {Delay}", queue.Name, next, Delay(next));
            // Sent again before this delivery completes: a crash here leaves the message twice, never lost (its work is idempotent).
            await queue.SendMessageAsync(Write(body, next), Delay(next), cancellationToken: ct);
        }
    }

    /// <summary>The message without its try count, and the count (0 for a first delivery or a message that is not a JSON object).</summary>
    public static (string Body, int Attempt) Read(string message)
    {
        try
        {
            if (JsonNode.Parse(message) is JsonObject json && json[AttemptProperty] is JsonValue value
                && value.TryGetValue<int>(out var attempt))
            {
                json.Remove(AttemptProperty);
                return (json.ToJsonString(), attempt);
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: no count to read; the handler decides what the body is.
        }
        return (message, 0);
    }

    public static string Write(string body, int attempt)
    {
        if (JsonNode.Parse(body) is not JsonObject json)
            throw new InvalidOperationException("Only JSON objects are sent again with a try count.");
        json[AttemptProperty] = attempt;
        return json.ToJsonString();
    }
}
