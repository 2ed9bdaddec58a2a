using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ECourt.Domain;
using ECourt.Domain.Cases;

namespace ECourt.Adapters.Storage;

/// <summary>
/// How records are written into table rows: JSON with enum members by name (never by wire name, so a wire name can
/// change without touching stored rows), stable across releases. A case's snapshot is its core with each stage's part
/// under the part's name (<see cref="CaseModules.Parts"/>), exactly as before stages were modules.
/// </summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = Create(withCase: true, JavaScriptEncoder.Default);

    /// <summary>
    /// Rows keep text as it is (Chinese names and facts are 2 bytes a character in a table, not the 12 of a "\\uXXXX"
    /// escape); characters outside the Basic Multilingual Plane are still escaped, so a chunk never splits a pair.
    /// </summary>
    private static readonly JsonSerializerOptions RowOptions = Create(withCase: true, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    private static readonly JsonSerializerOptions CoreOptions = Create(withCase: false, JavaScriptEncoder.Default);

    private static JsonSerializerOptions Create(bool withCase, JavaScriptEncoder encoder)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = encoder,
        };
        options.Converters.Add(new MemberNameEnumConverter());
        if (withCase) options.Converters.Add(new CourtCaseConverter());
        return options;
    }

    /// <summary>A table string property holds at most 64 KiB: 32,000 UTF-16 characters is 64,000 bytes.</summary>
    public const int ChunkChars = 32_000;

    /// <summary>
    /// Writes the record into the row as JSON in chunks. Set the row's other properties first: the whole row is checked
    /// against the table's 1 MiB limit (<see cref="TableEntitySize"/>) before anything is sent, so a record too large is
    /// refused here with the row's name and nothing is written, instead of failing at the service.
    /// </summary>
    public static void Write<T>(Azure.Data.Tables.TableEntity entity, T value) where T : notnull => Write(entity, value, typeof(T));

    public static void Write(Azure.Data.Tables.TableEntity entity, object value, Type type)
    {
        var json = JsonSerializer.Serialize(value, type, RowOptions);
        var chunks = Math.Max(1, (json.Length + ChunkChars - 1) / ChunkChars);
        entity["JsonChunks"] = chunks;
        for (var i = 0; i < chunks; i++)
            entity[i == 0 ? "Json" : $"Json{i}"] = json.Substring(i * ChunkChars, Math.Min(ChunkChars, json.Length - i * ChunkChars));
        var size = TableEntitySize.Of(entity);
        if (size > TableEntitySize.MaxBytes) throw new StoredRecordTooLargeException(entity.PartitionKey, entity.RowKey, type, size);
    }

    public static T Read<T>(Azure.Data.Tables.TableEntity entity) => (T)Read(entity, typeof(T));

    public static object Read(Azure.Data.Tables.TableEntity entity, Type type)
    {
        var chunks = entity.GetInt32("JsonChunks") ?? 1;
        var json = chunks == 1
            ? entity.GetString("Json")
            : string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString(i == 0 ? "Json" : $"Json{i}")));
        return JsonSerializer.Deserialize(json, type, Options) ?? throw new InvalidDataException($"Row {entity.PartitionKey}/{entity.RowKey} holds no record.");
    }

    /// <summary>The snapshot's core properties, then each part under its name; a part no module declares is kept as it came.</summary>
    private sealed class CourtCaseConverter : JsonConverter<CourtCase>
    {
        private static readonly HashSet<string> CoreNames = typeof(CourtCase).GetConstructors().Single().GetParameters()
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!)).ToHashSet(StringComparer.Ordinal);

        /// <summary>Computed properties earlier releases wrote into the snapshot; they are derived again, never read.</summary>
        private static readonly HashSet<string> Derived = ["filedDocuments"];

        private static readonly Dictionary<string, Type> PartsByName = CaseModules.Parts.ToDictionary(p => p.Name, p => p.Type, StringComparer.Ordinal);

        private static readonly Dictionary<Type, string> NamesByType = CaseModules.Parts.ToDictionary(p => p.Type, p => p.Name);

        /// <remarks>
        /// Two passes over the snapshot as the reader holds it (a converter is given the whole value): the core from a copy of
        /// the reader, then the parts by name. No tree of the row is built: a case is read on nearly every request.
        /// </remarks>
        public override CourtCase Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A case snapshot is an object.");
            var coreReader = reader;
            var core = JsonSerializer.Deserialize<CourtCase>(ref coreReader, CoreOptions)
                ?? throw new JsonException("A case snapshot holds no case.");
            var parts = CaseParts.Empty;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null || CoreNames.Contains(name) || Derived.Contains(name))
                {
                    reader.Skip();
                    continue;
                }
                parts = PartsByName.TryGetValue(name, out var type)
                    ? parts.With(type, JsonSerializer.Deserialize(ref reader, type, options))
                    : parts.WithUnrecognised(name, JsonElement.ParseValue(ref reader));
            }
            return core with { Parts = parts };
        }

        /// <remarks>The core's properties are written through this writer, so its encoder applies to them as to the parts.</remarks>
        public override void Write(Utf8JsonWriter writer, CourtCase value, JsonSerializerOptions options)
        {
            using var core = JsonSerializer.SerializeToDocument(value, CoreOptions);
            writer.WriteStartObject();
            foreach (var property in core.RootElement.EnumerateObject()) property.WriteTo(writer);
            foreach (var (type, part) in value.Parts.All)
            {
                writer.WritePropertyName(NamesByType.TryGetValue(type, out var name) ? name
                    : throw new InvalidOperationException($"No module declares the part {type.Name}."));
                JsonSerializer.Serialize(writer, part, type, options);
            }
            foreach (var (name, raw) in value.Parts.Unrecognised)
            {
                writer.WritePropertyName(name);
                raw.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
    }
}

/// <summary>A record would make its row larger than a table row may be; nothing was written.</summary>
public sealed class StoredRecordTooLargeException(string partitionKey, string rowKey, Type type, long bytes)
    : Application.Cases.RecordTooLargeException($"{partitionKey}/{rowKey}", bytes, TableEntitySize.MaxBytes)
{
    /// <summary>The record's type, for whoever reads the failure in the logs.</summary>
    public Type Type { get; } = type;
}
