using Azure.Data.Tables;
using ECourt.Adapters.Storage;

namespace ECourt.Contract.Tests;

/// <summary>Rows are checked against the 1 MiB limit, as the table service and as the emulator count it, before they are sent.</summary>
public class StoredRowSizeTests
{
    private sealed record Note(string Text);

    [Fact]
    public void EntitySize_CountedAsTheTableServiceCountsIt()
    {
        // 4 + keys "p","r" at 2 bytes = 8; "Json"="abc": 8 + 4·2 + 4 + 3·2 = 26;
        // "N"=5 (Int32): 8 + 2 + 4 = 14; "At" (date): 8 + 4 + 8 = 20.
        var row = new TableEntity("p", "r") { ["Json"] = "abc" };
        Assert.Equal(34, TableEntitySize.InTheService(row));
        row["N"] = 5;
        row["At"] = DateTimeOffset.UnixEpoch;
        Assert.Equal(68, TableEntitySize.InTheService(row));
    }

    [Fact]
    public void RecordUpToTheLimit_WrittenInChunksOfAStringPropertysSize_ReadBack_LargerRefusedNamingTheRow()
    {
        var fits = new Note(new string('a', 520_000));
        var row = new TableEntity("cs1", "snapshot");
        StoredJson.Write(row, fits);
        Assert.InRange(TableEntitySize.Of(row), 1_000_000, TableEntitySize.MaxBytes);
        Assert.All(row.Where(p => p.Key.StartsWith("Json", StringComparison.Ordinal) && p.Value is string),
            p => Assert.InRange(((string)p.Value).Length, 1, StoredJson.ChunkChars));
        Assert.Equal(fits, StoredJson.Read<Note>(row));

        var tooLarge = new TableEntity("cs1", "snapshot");
        var refused = Assert.Throws<StoredRecordTooLargeException>(() => StoredJson.Write(tooLarge, new Note(new string('a', 525_000))));
        Assert.Contains("cs1/snapshot", refused.Message);
    }

    [Fact]
    public void ChineseText_CountedAsTheEmulatorSeesIt_SixBytesAnEscapedCharacter()
    {
        // The service counts 100,000 characters as 200,004 bytes; the SDK sends each as "\uXXXX", 600,000 bytes the emulator counts.
        var row = new TableEntity("p", "r") { ["Json"] = new string('刘', 100_000) };
        Assert.Equal(8 + 8 + 8 + 200_004, TableEntitySize.InTheService(row));
        Assert.InRange(TableEntitySize.OnTheWire(row), 600_000, 600_200);
        Assert.Equal(TableEntitySize.OnTheWire(row), TableEntitySize.Of(row));
    }

    [Fact]
    public void ChineseText_KeptAsItIs_TwoBytesACharacterNotAnEscape()
    {
        var row = new TableEntity("cs1", "snapshot");
        StoredJson.Write(row, new Note("刘志强 𠀋"));
        Assert.Equal("""{"text":"刘志强 \uD840\uDC0B"}""", row.GetString("Json"));
        Assert.Equal(new Note("刘志强 𠀋"), StoredJson.Read<Note>(row));
    }
}
