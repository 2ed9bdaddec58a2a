using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using ECourt.Domain.Access;

namespace ECourt.Domain.Evidence;

/// <summary>
/// The end of a case's evidence chain: how many items it holds and the digests of the last one's record (none yet: null).
/// </summary>
public sealed record EvidenceChainHead(int Count, EvidenceDigests? Head)
{
    public static EvidenceChainHead Empty { get; } = new(0, null);
}

/// <summary>How a chain fails its verification.</summary>
public enum ChainBreakKind
{
    /// <summary>A record's canonical bytes no longer hash to the digest kept beside it: the record was changed.</summary>
    [JsonStringEnumMemberName("record-altered")]
    RecordAltered,
    /// <summary>A record does not name the digest of the record before it.</summary>
    [JsonStringEnumMemberName("link-broken")]
    LinkBroken,
    /// <summary>An item of the chain is not there.</summary>
    [JsonStringEnumMemberName("item-missing")]
    ItemMissing,
    /// <summary>A document a record names is not stored.</summary>
    [JsonStringEnumMemberName("document-missing")]
    DocumentMissing,
    /// <summary>A document's stored bytes do not hash to the digest its record fixed.</summary>
    [JsonStringEnumMemberName("document-altered")]
    DocumentAltered,
    /// <summary>The case's record of its chain's end names another last record or count.</summary>
    [JsonStringEnumMemberName("head-mismatch")]
    HeadMismatch,
}

/// <summary>Where a chain first fails: the item's sequence (and id and document, where there is one), how, and what was found.</summary>
public sealed record ChainBreak(int Sequence, string? EvidenceId, ChainBreakKind Kind, string? DocumentId, string Detail);

/// <summary>A verified chain: whether it holds, how many items were checked, and the first break.</summary>
public sealed record ChainVerification(bool Valid, int Items, ChainBreak? FirstBreak);

/// <summary>
/// A case's evidence items form one chain: each item's record holds the digests of its documents and of the record before it, and
/// its own digest is kept beside it; the case keeps the chain's end (<see cref="EvidenceChainHead"/>). Changing a document, a
/// record, or a record with its digest is found by recomputing: the document's digest, the record's, or the next record's link
/// (or the case's end) no longer agree. Electronic evidence so fixed is presumed untampered while it verifies (Online Litigation
/// Rules art. 16; Internet Court Provisions art. 11).
/// </summary>
public static class EvidenceChain
{
    /// <summary>The documents one item may hold: an item is one piece of evidence with its pages or parts, not a case file.</summary>
    public const int MaxDocumentsPerItem = 20;

    /// <summary>An item's id: its place in the case's chain, so that the chain's rows read back in order.</summary>
    public static string EvidenceIdFor(int sequence) => "ev" + sequence.ToString("D6", CultureInfo.InvariantCulture);

    public const string IdForm = "^ev[0-9]{6}$";

    public static string Sha256Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The next item of the chain, its record fixed with its documents' digests and the digest of the record before it.</summary>
    public static EvidenceItem Append(EvidenceChainHead head, string caseId, DateTimeOffset at, CaseSide side, IReadOnlyList<int> parties,
        string role, string title, string purpose, string source, IReadOnlyList<EvidenceDocument> documents, string submittedBy)
    {
        var sequence = head.Count + 1;
        var record = new EvidenceRecord(EvidenceRecord.CurrentFormat, caseId, sequence, EvidenceIdFor(sequence), at, side, parties, role,
            title, purpose, source, documents, head.Head is { } previous ? new EvidenceDigests(previous.Sha256) : null);
        return new EvidenceItem(record, new EvidenceDigests(Sha256Of(record.CanonicalBytes())), submittedBy);
    }

    /// <summary>The chain's end after <paramref name="item"/>.</summary>
    public static EvidenceChainHead After(EvidenceItem item) => new(item.Sequence, item.Digests);

    /// <summary>
    /// The first place the chain fails, or null: items in order from the first, each record's digest recomputed, each link to the
    /// record before, each document's digest as <paramref name="storedSha256"/> computes it from the stored bytes (null: none
    /// stored), and the case's end against the last item.
    /// </summary>
    public static ChainVerification Verify(IReadOnlyList<EvidenceItem> items, EvidenceChainHead head, Func<string, string?> storedSha256)
    {
        EvidenceDigests? previous = null;
        var expected = 1;
        foreach (var item in items.OrderBy(i => i.Sequence))
        {
            if (item.Sequence != expected)
                return Broken(expected - 1, new ChainBreak(expected, null, ChainBreakKind.ItemMissing, null,
                    $"Item {expected} of the chain is not there; the next is item {item.Sequence}."));
            var recomputed = Sha256Of(item.Record.CanonicalBytes());
            if (recomputed != item.Digests.Sha256)
                return Broken(expected - 1, At(item, ChainBreakKind.RecordAltered, null,
                    $"The record hashes to {recomputed}, not the {item.Digests.Sha256} fixed when it was submitted."));
            if (item.Record.Previous?.Sha256 != previous?.Sha256)
                return Broken(expected - 1, At(item, ChainBreakKind.LinkBroken, null,
                    $"The record names {item.Record.Previous?.Sha256 ?? "no record"} before it; the record before it hashes to "
                    + $"{previous?.Sha256 ?? "nothing (it is the first)"}."));
            foreach (var d in item.Record.Documents)
            {
                var stored = storedSha256(d.DocumentId);
                if (stored is null)
                    return Broken(expected - 1, At(item, ChainBreakKind.DocumentMissing, d.DocumentId,
                        "The document's bytes are not stored."));
                if (stored != d.Digests.Sha256)
                    return Broken(expected - 1, At(item, ChainBreakKind.DocumentAltered, d.DocumentId,
                        $"The stored bytes hash to {stored}, not the {d.Digests.Sha256} the record fixed."));
            }
            previous = item.Digests;
            expected++;
        }
        var count = expected - 1;
        if (head.Count > count)
            return Broken(count, new ChainBreak(count + 1, null, ChainBreakKind.ItemMissing, null,
                $"The case records {head.Count} items; {count} are there."));
        if (head.Count != count || head.Head?.Sha256 != previous?.Sha256)
            return Broken(count, new ChainBreak(count, count == 0 ? null : EvidenceIdFor(count), ChainBreakKind.HeadMismatch, null,
                $"The case records {head.Count} items ending with {head.Head?.Sha256 ?? "none"}; the chain has {count} ending with "
                + $"{previous?.Sha256 ?? "none"}."));
        return new ChainVerification(true, count, null);
    }

    private static ChainBreak At(EvidenceItem item, ChainBreakKind kind, string? documentId, string detail) =>
        new(item.Sequence, item.EvidenceId, kind, documentId, detail);

    private static ChainVerification Broken(int verified, ChainBreak at) => new(false, verified, at);
}
