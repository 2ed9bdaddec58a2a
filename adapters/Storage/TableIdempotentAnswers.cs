using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ECourt.Application.Requests;

namespace ECourt.Adapters.Storage;

/// <summary>
/// Idempotency keys, one row each in their own partition (the scoped key's hash), so a claim is one insert and a repeat one
/// point read. A kept answer's body is in the row in binary chunks of a property's size up to <see cref="InlineBytes"/>
/// (every answer but the largest case views); a larger one goes to a blob first, named in the row, so the row that says
/// "answered" always finds its body. Rows and blobs past their time are ignored and overwritten by the key's next use, and
/// deleted by <see cref="DeleteLapsedAsync"/> (the purge timer), so the table holds about a day of keys.
/// </summary>
public sealed class TableIdempotentAnswers(StorageClients storage) : IIdempotentAnswers
{
    private const string RowKey = "key";

    /// <summary>A binary property holds at most 64 KiB.</summary>
    private const int ChunkBytes = 64 * 1024;

    /// <summary>Half of a row, as the emulator counts it (base64: four bytes sent for three), leaves room for the rest.</summary>
    public const int InlineBytes = 8 * ChunkBytes;

    public async Task<string?> TryAddAsync(string key, IdempotentEntry entry, CancellationToken ct = default)
    {
        try
        {
            var response = await storage.IdempotencyKeys.AddEntityAsync(await RowAsync(key, entry, ct), ct);
            return response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    public async Task<StoredIdempotentEntry?> GetAsync(string key, CancellationToken ct = default)
    {
        var found = await storage.IdempotencyKeys.GetEntityIfExistsAsync<TableEntity>(key, RowKey, cancellationToken: ct);
        if (!found.HasValue || found.Value is not { } row) return null;
        var until = row.GetDateTimeOffset("Until") ?? DateTimeOffset.MinValue;
        RecordedAnswer? answer = null;
        if (row.GetInt32("Status") is { } status)
        {
            var headers = JsonSerializer.Deserialize<List<KeyValuePair<string, string>>>(row.GetString("Headers") ?? "[]") ?? [];
            if (await BodyAsync(row, ct) is not { } body)
                // The blob of an answer past its time may be gone: the row counts as lapsed.
                until = DateTimeOffset.MinValue;
            else answer = new RecordedAnswer(status, headers, body);
        }
        return new StoredIdempotentEntry(new IdempotentEntry(row.GetString("Fingerprint") ?? "", until, answer), row.ETag.ToString());
    }

    public async Task<string?> TryReplaceAsync(string key, IdempotentEntry entry, string etag, CancellationToken ct = default)
    {
        try
        {
            var response = await storage.IdempotencyKeys.UpdateEntityAsync(await RowAsync(key, entry, ct), new ETag(etag),
                TableUpdateMode.Replace, ct);
            return response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, string etag, CancellationToken ct = default)
    {
        try
        {
            await storage.IdempotencyKeys.DeleteEntityAsync(key, RowKey, new ETag(etag), ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Gone, or taken over by another run: nothing of this run's is left to drop.
        }
    }

    public async Task<int> DeleteLapsedAsync(DateTimeOffset before, int max, CancellationToken ct = default)
    {
        // A filter on a property scans the table: fine once an hour for a table that holds about a day of keys.
        var lapsed = storage.IdempotencyKeys.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Until lt {before}"), maxPerPage: 100,
            select: ["PartitionKey", "RowKey", "BodyBlob"], cancellationToken: ct);
        var deleted = 0;
        await foreach (var row in lapsed)
        {
            if (deleted >= max) break;
            // The body first: a row left without its body counts as lapsed (GetAsync), a body without its row would stay.
            if (row.GetString("BodyBlob") is { } name)
                await storage.IdempotentBodies.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: ct);
            try
            {
                await storage.IdempotencyKeys.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, ct);
                deleted++;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Claimed again since it was read, or deleted by another purge: not this purge's to delete.
            }
        }
        return deleted;
    }

    private async Task<TableEntity> RowAsync(string key, IdempotentEntry entry, CancellationToken ct)
    {
        var row = new TableEntity(key, RowKey) { ["Fingerprint"] = entry.Fingerprint, ["Until"] = entry.Until };
        if (entry.Answer is not { } answer) return row;
        row["Status"] = answer.Status;
        row["Headers"] = JsonSerializer.Serialize(answer.Headers);
        var body = answer.Body;
        if (body.Length > InlineBytes)
        {
            // A name of its own for each run: a run that outlived its lease cannot overwrite the body of the run that took over.
            var name = $"{key}/{Guid.NewGuid():N}";
            await storage.IdempotentBodies.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(body), ct);
            row["BodyBlob"] = name;
            return row;
        }
        var chunks = Math.Max(1, (body.Length + ChunkBytes - 1) / ChunkBytes);
        row["BodyChunks"] = chunks;
        for (var i = 0; i < chunks; i++)
            row[i == 0 ? "Body" : $"Body{i}"] = body.AsSpan(i * ChunkBytes, Math.Min(ChunkBytes, body.Length - i * ChunkBytes)).ToArray();
        return row;
    }

    private async Task<byte[]?> BodyAsync(TableEntity row, CancellationToken ct)
    {
        if (row.GetString("BodyBlob") is { } name)
        {
            try
            {
                return (await storage.IdempotentBodies.GetBlobClient(name).DownloadContentAsync(ct)).Value.Content.ToArray();
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return null;
            }
        }
        var chunks = row.GetInt32("BodyChunks") ?? 1;
        if (chunks == 1) return row.GetBinary("Body") ?? [];
        using var body = new MemoryStream();
        for (var i = 0; i < chunks; i++) body.Write(row.GetBinary(i == 0 ? "Body" : $"Body{i}"));
        return body.ToArray();
    }
}
