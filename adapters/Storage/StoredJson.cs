using System.Text.Json;
using System.Text.Json.Serialization;

namespace ECourt.Adapters.Storage;

/// <summary>How domain records are written into table rows: JSON with enum names, stable across releases.</summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    // A table string property holds at most 64 KiB (32K UTF-16 characters); a row holds 1 MiB.
    private const int ChunkChars = 30_000;
    private const int MaxChunks = 30;

    public static void Write<T>(Azure.Data.Tables.TableEntity entity, T value)
    {
        var json = JsonSerializer.Serialize(value, Options);
        var chunks = (json.Length + ChunkChars - 1) / ChunkChars;
        if (chunks > MaxChunks) throw new InvalidOperationException($"A stored record is limited to {MaxChunks * ChunkChars} characters.");
        entity["JsonChunks"] = chunks;
        for (var i = 0; i < chunks; i++)
            entity[i == 0 ? "Json" : $"Json{i}"] = json.Substring(i * ChunkChars, Math.Min(ChunkChars, json.Length - i * ChunkChars));
    }

    public static T Read<T>(Azure.Data.Tables.TableEntity entity)
    {
        var chunks = entity.GetInt32("JsonChunks") ?? 1;
        var json = chunks == 1
            ? entity.GetString("Json")
            : string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString(i == 0 ? "Json" : $"Json{i}")));
        return JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"Row {entity.PartitionKey}/{entity.RowKey} holds no record.");
    }
}
