using Azure.Data.Tables;
using ECourt.Adapters.Storage;
using ECourt.Application.ServiceOfProcess;

namespace ECourt.Adapters.Communication;

/// <summary>
/// Where SMS notices go when no gateway is configured (local runs: no SMS gateway exists here): a table the
/// local route /api/local/sms-outbox lists. The same notice (same repeatability id) is kept once.
/// </summary>
public sealed class LocalSmsOutbox(StorageClients storage) : ISmsGateway
{
    public const string ProviderName = "local-sms";

    public sealed record OutboxMessage(string MessageId, string To, string Text, string Tag, DateTimeOffset SentAt, int Parts);

    public string Provider => ProviderName;

    public async Task<SendResult> SendAsync(SmsRequest message, CancellationToken ct = default)
    {
        var messageId = $"local-{message.RepeatabilityId:N}";
        var row = new TableEntity("outbox", $"{message.FirstSentAt.UtcTicks:D19}-{message.RepeatabilityId:N}");
        StoredJson.Write(row, new OutboxMessage(messageId, message.To, message.Text, message.Tag, message.FirstSentAt, Domain.ServiceOfProcess.SmsLength.Of(message.Text).Parts));
        await storage.SmsOutbox.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
        return new SendResult(SendStatus.Accepted, messageId, null);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(int max, CancellationToken ct)
    {
        var list = new List<OutboxMessage>();
        await foreach (var row in storage.SmsOutbox.QueryAsync<TableEntity>(e => e.PartitionKey == "outbox", cancellationToken: ct))
            list.Add(StoredJson.Read<OutboxMessage>(row));
        return list.OrderByDescending(m => m.SentAt).Take(max).ToList();
    }
}
