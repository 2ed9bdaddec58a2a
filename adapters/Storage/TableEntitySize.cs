using Azure.Data.Tables;

namespace ECourt.Adapters.Storage;

/// <summary>
/// The size Azure Table storage counts for an entity, which it refuses above 1 MiB (EntityTooLarge): 4 bytes, the keys
/// at 2 bytes a character, and for each property 8 bytes, its name at 2 bytes a character and its value (a string 4
/// bytes and 2 a character, binary 4 and its bytes, a Guid 16, a 64-bit value or a date 8, an Int32 4, a Boolean 1).
/// The local emulator counts instead the UTF-8 of the JSON the SDK sends, where every character outside ASCII is a
/// six-byte "\\uXXXX" escape (<see cref="OnTheWire"/>); a row the court writes fits both, so what works locally works
/// in Azure and the other way round.
/// </summary>
public static class TableEntitySize
{
    public const long MaxBytes = 1024 * 1024;

    /// <summary>An entity-group transaction's body: at most 4 MiB, whatever each of its (at most 100) entities is.</summary>
    public const long MaxTransactionBytes = 4 * 1024 * 1024;

    /// <summary>What a transaction of these entities sends: each as the SDK writes it, and a part's headers (under 1 KiB) each.</summary>
    public static long OfTransaction(IEnumerable<TableEntity> entities) => entities.Sum(e => OnTheWire(e) + 1024);

    /// <summary>The larger of the two counts: the one a row must keep under <see cref="MaxBytes"/>.</summary>
    public static long Of(TableEntity entity) => Math.Max(InTheService(entity), OnTheWire(entity));

    /// <summary>The JSON body of the entity as the SDK writes it, each property's type annotation counted whether sent or not.</summary>
    public static long OnTheWire(TableEntity entity)
    {
        long size = 2;
        foreach (var (name, value) in entity)
        {
            if (name is "Timestamp" or "odata.etag") continue;
            size += 2 * (Escaped(name) + 3) + "@odata.type".Length + 16 + value switch
            {
                string s => Escaped(s) + 2,
                byte[] b => 4 * ((b.Length + 2) / 3) + 2,
                BinaryData b => 4 * ((b.ToMemory().Length + 2) / 3) + 2,
                null => 4,
                _ => 40,
            };
        }
        return size;
    }

    private static long Escaped(string s)
    {
        long size = 0;
        foreach (var c in s) size += c is >= ' ' and <= '~' and not ('"' or '\\' or '<' or '>' or '&' or '\'' or '+' or '`') ? 1 : 6;
        return size;
    }

    /// <summary>The size the table service counts (its documented formula).</summary>
    public static long InTheService(TableEntity entity)
    {
        long size = 4 + 2L * (entity.PartitionKey.Length + entity.RowKey.Length);
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag") continue;
            size += 8 + 2L * name.Length + value switch
            {
                string s => 4 + 2L * s.Length,
                byte[] b => 4 + b.Length,
                BinaryData b => 4 + b.ToMemory().Length,
                Guid => 16,
                long or double or DateTime or DateTimeOffset => 8,
                int => 4,
                bool => 1,
                null => 0,
                _ => throw new ArgumentException($"Property {name} is a {value.GetType().Name}: not a table type.", nameof(entity)),
            };
        }
        return size;
    }
}
