using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using ECourt.Adapters.Storage;

namespace ECourt.Functions.Messaging;

/// <summary>
/// Queue messages that kept failing, kept as rows of the case index table ("parked|{queue}") until the lifecycle sweep
/// sends them again with a fresh try count; with them, what the host moved to a poison queue ("{queue}-poison").
/// </summary>
public static class ParkedMessages
{
    private static string Partition(string queue) => "parked|" + queue;

    public static async Task ParkAsync(StorageClients storage, string queue, string body, string reason, CancellationToken ct) =>
        await storage.CaseIndex.UpsertEntityAsync(new TableEntity(Partition(queue), Guid.NewGuid().ToString("N"))
        {
            ["Body"] = body,
            ["Reason"] = reason.Length > 1000 ? reason[..1000] : reason,
        }, TableUpdateMode.Replace, ct);

    /// <summary>
    /// Sends every parked message of the queue, and every message of its poison queue, to the queue again; answers how many.
    /// Each is sent before its parked row or poison message is removed: a crash in between sends it twice, never loses it.
    /// </summary>
    public static async Task<int> RedriveAsync(StorageClients storage, QueueClient queue, CancellationToken ct)
    {
        var count = 0;
        await foreach (var row in storage.CaseIndex.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition(queue.Name)}"), cancellationToken: ct))
        {
            await queue.SendMessageAsync(row.GetString("Body"), ct);
            await storage.CaseIndex.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct);
            count++;
        }
        var poison = storage.Queues.GetQueueClient(queue.Name + "-poison");
        if (!await poison.ExistsAsync(ct)) return count;
        while (true)
        {
            var messages = (await poison.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), ct)).Value;
            if (messages.Length == 0) return count;
            foreach (var m in messages)
            {
                await queue.SendMessageAsync(QueueMessageRetry.Read(m.MessageText).Body, ct);
                await poison.DeleteMessageAsync(m.MessageId, m.PopReceipt, ct);
                count++;
            }
        }
    }
}
