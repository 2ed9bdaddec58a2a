using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ECourt.Application.Publication;

namespace ECourt.Adapters.Storage;

/// <summary>
/// The public copies of published judgments: a row per judgment in one partition ("published", keyed by its id) at its latest
/// version, its text a blob per version (written first, so a row never names a text that is missing). A version at or below the
/// row's is ignored, so an older write never replaces a newer; two writers race on the row's ETag.
/// </summary>
public sealed class TablePublishedJudgments(StorageClients storage) : IPublishedJudgments
{
    private const string Partition = "published";

    private static string TextBlob(string judgmentId, int version) => $"{judgmentId}/v{version}.txt";

    public async Task PutAsync(PublishedJudgment judgment, CancellationToken ct)
    {
        if (judgment.Text is { } text)
            await storage.PublishedTexts.GetBlobClient(TextBlob(judgment.JudgmentId, judgment.Version))
                .UploadAsync(BinaryData.FromString(text), overwrite: true, ct);
        var row = new TableEntity(Partition, judgment.JudgmentId)
        {
            ["Version"] = judgment.Version,
            ["Copy"] = JsonSerializer.Serialize(judgment with { Text = null }, StoredJson.Options),
        };
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var existing = await storage.PublishedJudgments.GetEntityIfExistsAsync<TableEntity>(Partition, judgment.JudgmentId,
                cancellationToken: ct);
            try
            {
                if (!existing.HasValue)
                {
                    await storage.PublishedJudgments.AddEntityAsync(row, ct);
                    return;
                }
                if ((existing.Value!.GetInt32("Version") ?? 0) >= judgment.Version) return;
                await storage.PublishedJudgments.UpdateEntityAsync(row, existing.Value.ETag, TableUpdateMode.Replace, ct);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another writer got there first: read again and decide by version.
            }
        }
        throw new InvalidOperationException($"The public copy of {judgment.JudgmentId} kept changing under version {judgment.Version}.");
    }

    public async Task<PublishedJudgment?> GetAsync(string judgmentId, CancellationToken ct)
    {
        var row = await storage.PublishedJudgments.GetEntityIfExistsAsync<TableEntity>(Partition, judgmentId, cancellationToken: ct);
        return row.HasValue ? await ReadAsync(row.Value!, ct) : null;
    }

    public async IAsyncEnumerable<IndexedJudgment> PublishedAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in storage.PublishedJudgments.QueryAsync<TableEntity>(e => e.PartitionKey == Partition,
            cancellationToken: ct))
            if (await ReadAsync(row, ct) is { Withdrawn: false } copy) yield return IndexPublishedJudgment.Indexed(copy);
    }

    private async Task<PublishedJudgment?> ReadAsync(TableEntity row, CancellationToken ct)
    {
        var copy = JsonSerializer.Deserialize<PublishedJudgment>(row.GetString("Copy") ?? "null", StoredJson.Options);
        if (copy is null || copy.Withdrawn) return copy;
        var blob = storage.PublishedTexts.GetBlobClient(TextBlob(copy.JudgmentId, copy.Version));
        var content = await blob.DownloadContentAsync(ct);
        return copy with { Text = Encoding.UTF8.GetString(content.Value.Content.ToArray()) };
    }
}

/// <summary>The index's messages on their storage queue (base64 JSON, as the queue trigger reads them).</summary>
public sealed class StorageJudgmentIndexQueue(StorageClients storage) : IJudgmentIndexQueue
{
    public async Task SendAsync(JudgmentIndexMessage message, CancellationToken ct) =>
        await storage.JudgmentIndex.SendMessageAsync(JsonSerializer.Serialize(message, StoredJson.Options), ct);
}
