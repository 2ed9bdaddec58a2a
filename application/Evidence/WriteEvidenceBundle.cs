using System.Formats.Tar;
using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Domain.Evidence;

namespace ECourt.Application.Evidence;

/// <summary>
/// The evidence bundle a party verifies offline: a tar archive of <c>manifest.json</c> (the chain, <see cref="EvidenceBundleManifest"/>),
/// the canonical bytes of each record the caller may see (<c>records/{sequence}.json</c>) and those records' documents
/// (<c>documents/{documentId}</c>), each checked against the digest its record fixed as it is read (a document that fails is withheld,
/// as a download is: the court's IT is alerted). README ("Evidence") gives the steps with sha256sum and jq.
/// </summary>
public sealed class WriteEvidenceBundle(ICaseStore store, IDocumentStore documents, TimeProvider clock)
{
    public const string ContentType = "application/x-tar";

    public static string FileName(Domain.Cases.CourtCase c) => $"evidence-{c.CaseId}.tar";

    public async Task RunAsync(CaseGrant grant, Stream destination, CancellationToken ct)
    {
        var caseId = grant.CaseId;
        var rulings = store.ListRowsAsync(caseId, EvidenceRows.Admissions, ct);
        var (c, items) = await VerifyEvidenceChain.ChainAsync(store, grant, ct);
        var rulingOf = (await rulings).ToDictionary(r => r.EvidenceId, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var bundled = items.OrderBy(i => i.Sequence).Select(i =>
        {
            var ruling = rulingOf.GetValueOrDefault(i.EvidenceId);
            return new BundledItem(i, EvidenceExchanges.CanSee(grant.Side, i, c.Evidence, ruling, now), LateEvidence.IsLate(c, i), ruling);
        }).ToList();
        var head = c.Evidence?.Chain ?? EvidenceChainHead.Empty;

        await using var tar = new TarWriter(destination, TarEntryFormat.Ustar, leaveOpen: true);
        await WriteAsync(tar, EvidenceBundleManifest.ManifestPath, EvidenceBundleManifest.Write(c, head, bundled, now), now, ct);
        var shown = bundled.Where(b => b.Shown).Select(b => b.Item).ToList();
        foreach (var item in shown)
            await WriteAsync(tar, EvidenceBundleManifest.RecordPath(item.Sequence), item.Record.CanonicalBytes(), item.Record.SubmittedAt,
                ct);
        // Read a few at a time, written in the chain's order.
        var wanted = shown.SelectMany(i => i.Record.Documents.Select(d => (Item: i,
            Document: d))).DistinctBy(x => x.Document.DocumentId).ToList();
        foreach (var batch in wanted.Chunk(VerifyEvidenceChain.Concurrency))
        {
            var read = await Task.WhenAll(batch.Select(x => documents.GetAsync(caseId, x.Document.DocumentId, ct)));
            for (var i = 0; i < batch.Length; i++)
            {
                var (item, document) = batch[i];
                if (read[i] is not { } bytes || EvidenceChain.Sha256Of(bytes) != document.Digests.Sha256)
                    throw new DocumentIntegrityException(caseId, document.DocumentId);
                await WriteAsync(tar, EvidenceBundleManifest.DocumentPath(document.DocumentId), bytes, item.Record.SubmittedAt, ct);
            }
        }
    }

    private static async Task WriteAsync(TarWriter tar, string name, byte[] content, DateTimeOffset modified, CancellationToken ct)
    {
        using var data = new MemoryStream(content, writable: false);
        var entry = new UstarTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = data,
            ModificationTime = modified,
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
        };
        await tar.WriteEntryAsync(entry, ct);
    }
}
