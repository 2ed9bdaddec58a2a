using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ECourt.Domain.Access;

namespace ECourt.Domain.Evidence;

/// <summary>
/// The digests of a document or of an evidence record. SHA-256 now; Chinese courts' platforms also fix evidence by SM3 (GB/T
/// 32905-2016), which a later record format adds beside it (<see cref="Sm3"/>: absent in format 1).
/// </summary>
public sealed record EvidenceDigests(string Sha256, string? Sm3 = null);

/// <summary>One document of an evidence item as its record fixes it: what it is and the digests of its bytes.</summary>
public sealed record EvidenceDocument(string DocumentId, string FileName, string ContentType, long Size, EvidenceDigests Digests);

/// <summary>
/// What an evidence item is, as fixed when it was submitted (Online Litigation Rules art. 16): the case, its place in the case's
/// chain, when and for which side and parties it was submitted (by role: an account id of one side never reaches the other), what
/// it is and is to prove and where it comes from, its documents with their digests, and the digests of the record before it (none
/// for the first). Its digests are those of its canonical bytes (<see cref="CanonicalBytes"/>), kept beside it.
/// </summary>
public sealed record EvidenceRecord(
    int Format,
    string CaseId,
    int Sequence,
    string EvidenceId,
    DateTimeOffset SubmittedAt,
    CaseSide Side,
    IReadOnlyList<int> Parties,
    string Role,
    string Title,
    string Purpose,
    string Source,
    IReadOnlyList<EvidenceDocument> Documents,
    EvidenceDigests? Previous)
{
    /// <summary>The record format written now: SHA-256 digests only.</summary>
    public const int CurrentFormat = 1;

    public const string FormatName = "ecourt-evidence-record/1";

    /// <summary>
    /// The record's canonical bytes, the ones its digests are of and the ones the evidence bundle ships as
    /// <c>records/{sequence}.json</c>. Format 1 (documented in README, "Evidence"): UTF-8 JSON with no whitespace and these members in
    /// this order: <c>format</c> ("ecourt-evidence-record/1"), <c>caseId</c>, <c>sequence</c>, <c>evidenceId</c>, <c>submittedAt</c>
    /// (China time, <c>yyyy-MM-ddTHH:mm:ss.fffffff+08:00</c>), <c>side</c> ("filing" or "other"), <c>parties</c> (party numbers),
    /// <c>role</c>, <c>title</c>, <c>purpose</c>, <c>source</c>, <c>documents</c> (each: <c>documentId</c>, <c>fileName</c>,
    /// <c>contentType</c>, <c>size</c>, <c>digests</c> {<c>sha256</c>: 64 lower-case hex digits}), <c>previous</c> (null for the
    /// first record, else {<c>sha256</c>} of the record before). Strings are escaped as JSON requires (quotation mark, reverse
    /// solidus, control characters) and otherwise written as they are. A verifier never rebuilds these bytes: it hashes the file.
    /// </summary>
    public byte[] CanonicalBytes()
    {
        if (Format != CurrentFormat)
            throw new InvalidOperationException($"Evidence record format {Format} is not written by this release.");
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", FormatName);
            w.WriteString("caseId", CaseId);
            w.WriteNumber("sequence", Sequence);
            w.WriteString("evidenceId", EvidenceId);
            w.WriteString("submittedAt", SubmittedAt.ToOffset(Calendar.ChinaTime.Offset)
                .ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture));
            w.WriteString("side", SideName(Side));
            w.WriteStartArray("parties");
            foreach (var p in Parties) w.WriteNumberValue(p);
            w.WriteEndArray();
            w.WriteString("role", Role);
            w.WriteString("title", Title);
            w.WriteString("purpose", Purpose);
            w.WriteString("source", Source);
            w.WriteStartArray("documents");
            foreach (var d in Documents)
            {
                w.WriteStartObject();
                w.WriteString("documentId", d.DocumentId);
                w.WriteString("fileName", d.FileName);
                w.WriteString("contentType", d.ContentType);
                w.WriteNumber("size", d.Size);
                WriteDigests(w, "digests", d.Digests);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (Previous is { } previous) WriteDigests(w, "previous", previous);
            else w.WriteNull("previous");
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteDigests(Utf8JsonWriter w, string name, EvidenceDigests digests)
    {
        w.WriteStartObject(name);
        w.WriteString("sha256", digests.Sha256);
        if (digests.Sm3 is { } sm3) w.WriteString("sm3", sm3);
        w.WriteEndObject();
    }

    /// <summary>A side as the record names it.</summary>
    public static string SideName(CaseSide side) => side switch
    {
        CaseSide.Filing => "filing",
        CaseSide.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(side), "Evidence is submitted by a party's side."),
    };
}

/// <summary>
/// An evidence item as the case keeps it (a row inserted once): its record, the digests of the record's canonical bytes as computed
/// when it was submitted, and the account that submitted it (for the court and the submitter's own side; not part of the record).
/// </summary>
public sealed record EvidenceItem(EvidenceRecord Record, EvidenceDigests Digests, string SubmittedBy)
{
    public string EvidenceId => Record.EvidenceId;

    public int Sequence => Record.Sequence;

    public CaseSide Side => Record.Side;
}
