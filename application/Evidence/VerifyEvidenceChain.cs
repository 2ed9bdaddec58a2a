using System.Collections.Concurrent;
using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Domain.Documents;
using ECourt.Domain.Evidence;

namespace ECourt.Application.Evidence;

/// <summary>
/// Recomputes a case's evidence chain: every record's digest, every link, every document's digest from its stored bytes (read
/// <see cref="Concurrency"/> at a time, beside the chain's rows), and the case's record of the chain's end; answers the first
/// break. A break in an item the caller may not see is reported by its place in the chain, without its ids.
/// </summary>
public sealed class VerifyEvidenceChain(ICaseStore store, IDocumentStore documents, TimeProvider clock)
{
    /// <summary>Documents read at once: storage answers a few dozen reads in flight before it queues them.</summary>
    public const int Concurrency = 16;

    public async Task<ChainVerification> RunAsync(CaseGrant grant, CancellationToken ct)
    {
        var caseId = grant.CaseId;
        var hashes = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
        Task HashAsync(IEnumerable<string> ids) => Parallel.ForEachAsync(ids,
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct },
            async (id, token) =>
                hashes[id] = await documents.GetAsync(caseId, id, token) is { } bytes ? EvidenceChain.Sha256Of(bytes) : null);
        // The evidence documents the case lists are read while the chain's rows are: the rows then add only those it does not list.
        var listed = grant.Case.FiledDocuments.Where(d => d.Kind == DocumentKind.Evidence).Select(d => d.DocumentId)
            .ToHashSet(StringComparer.Ordinal);
        var chain = ChainAsync(store, grant, ct);
        await Task.WhenAll(HashAsync(listed), chain);
        var (c, items) = await chain;
        await HashAsync(items.SelectMany(i => i.Record.Documents).Select(d => d.DocumentId).Where(id => !listed.Contains(id))
            .Distinct(StringComparer.Ordinal));
        var verified = EvidenceChain.Verify(items, c.Evidence?.Chain ?? EvidenceChainHead.Empty, id => hashes.GetValueOrDefault(id));
        if (verified.FirstBreak is not { EvidenceId: { } evidenceId } at) return verified;
        var item = items.FirstOrDefault(i => i.EvidenceId == evidenceId);
        var ruling = item is null ? null : await store.GetRowAsync(caseId, EvidenceRows.Admissions, evidenceId, ct);
        return item is null || EvidenceExchanges.CanSee(grant.Side, item, c.Evidence, ruling?.Value, clock.GetUtcNow())
            ? verified
            : verified with { FirstBreak = at with { EvidenceId = null, DocumentId = null } };
    }

    /// <summary>
    /// The case and its chain's items as of one moment: the items are read after the case, so an item submitted in between is past the
    /// end the case was read with; the case is read again then, and what is still past its end is the chain's to explain.
    /// </summary>
    internal static async Task<(Domain.Cases.CourtCase Case, IReadOnlyList<EvidenceItem> Items)> ChainAsync(ICaseStore store,
        CaseGrant grant,
        CancellationToken ct)
    {
        var c = grant.Case;
        var items = await store.ListRowsAsync(grant.CaseId, EvidenceRows.Items, ct);
        if (items.Count > (c.Evidence?.Chain.Count ?? 0))
            c = (await store.GetAsync(grant.CaseId, ct) ?? throw new CaseNotFoundException(grant.CaseId)).Case;
        return (c, items);
    }
}
