using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Evidence;

/// <summary>An item of the chain as the bundle lists it for its reader: shown with its record and documents, or withheld.</summary>
/// <param name="Shown">the reader may see the item: its record and documents are in the bundle; else only its digests and links</param>
public sealed record BundledItem(EvidenceItem Item, bool Shown, bool Late, AdmissionRuling? Ruling);

/// <summary>
/// The evidence bundle's manifest (<c>manifest.json</c>, format "ecourt-evidence-bundle/1"): the case, the chain's end as the court
/// records it, and every item of the chain in order with the SHA-256 of its record and of the record before it. An item its reader
/// may see names its record file (<c>records/{sequence}.json</c>, the record's canonical bytes) and its documents
/// (<c>documents/{documentId}</c>); one withheld from the reader (the other side's before the exchange, or excluded) appears by its
/// digests alone, so that the chain can still be followed from end to end. README ("Evidence") gives the steps that verify a
/// bundle with sha256sum and jq.
/// </summary>
public static class EvidenceBundleManifest
{
    public const string FormatName = "ecourt-evidence-bundle/1";

    public const string ManifestPath = "manifest.json";

    public static string RecordPath(int sequence) => "records/" + sequence.ToString("D6", CultureInfo.InvariantCulture) + ".json";

    public static string DocumentPath(string documentId) => "documents/" + documentId;

    public static byte[] Write(CourtCase c, EvidenceChainHead head, IReadOnlyList<BundledItem> items, DateTimeOffset generatedAt)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            w.WriteStartObject();
            w.WriteString("format", FormatName);
            w.WriteString("caseId", c.CaseId);
            w.WriteString("caseNumber", c.CaseNumber);
            w.WriteString("court", c.Court);
            w.WriteString("generatedAt", ChinaTime.ToChinaTime(generatedAt));
            w.WriteStartObject("chain");
            w.WriteNumber("count", head.Count);
            w.WriteString("head", head.Head?.Sha256);
            w.WriteEndObject();
            w.WriteStartArray("items");
            foreach (var b in items.OrderBy(i => i.Item.Sequence))
            {
                var item = b.Item;
                w.WriteStartObject();
                w.WriteNumber("sequence", item.Sequence);
                w.WriteString("evidenceId", item.EvidenceId);
                w.WriteString("sha256", item.Digests.Sha256);
                w.WriteString("previousHash", item.Record.Previous?.Sha256);
                if (!b.Shown)
                {
                    w.WriteBoolean("withheld", true);
                    w.WriteEndObject();
                    continue;
                }
                w.WriteString("record", RecordPath(item.Sequence));
                w.WriteString("side", EvidenceRecord.SideName(item.Side));
                w.WriteString("title", item.Record.Title);
                w.WriteString("submittedAt", ChinaTime.ToChinaTime(item.Record.SubmittedAt));
                w.WriteBoolean("late", b.Late);
                if (b.Ruling is { } ruling) w.WriteString("admission", ruling.Decision.WireName());
                w.WriteStartArray("documents");
                foreach (var d in item.Record.Documents)
                {
                    w.WriteStartObject();
                    w.WriteString("documentId", d.DocumentId);
                    w.WriteString("fileName", d.FileName);
                    w.WriteString("contentType", d.ContentType);
                    w.WriteNumber("size", d.Size);
                    w.WriteString("sha256", d.Digests.Sha256);
                    w.WriteString("path", DocumentPath(d.DocumentId));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
