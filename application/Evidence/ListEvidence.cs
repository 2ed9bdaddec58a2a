using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Evidence;

namespace ECourt.Application.Evidence;

/// <summary>
/// The items of evidence the caller may see, in the chain's order, each with whether it is late, the ruling on it, and the
/// cross-examination opinions filed on it: its own side's and the court's always, the other side's once exchanged and never one
/// excluded as late (<see cref="EvidenceExchanges.CanSee(Domain.Access.CaseSide?, EvidenceItem, EvidenceSummary?, AdmissionRuling?,
/// DateTimeOffset)"/>).
/// </summary>
public sealed class ListEvidence(ICaseStore store, TimeProvider clock)
{
    public sealed record Listed(EvidenceItem Item, bool Late, AdmissionRuling? Ruling, IReadOnlyList<CrossExaminationOpinion> Opinions);

    /// <param name="afterSequence">the last item of the page before (0: from the first)</param>
    /// <returns>the page, and the last item's sequence where more follow</returns>
    public async Task<(IReadOnlyList<Listed> Items, int? Next)> RunAsync(CaseGrant grant, int pageSize, int afterSequence,
        CancellationToken ct)
    {
        var caseId = grant.CaseId;
        var items = store.ListRowsAsync(caseId, EvidenceRows.Items, ct);
        var rulings = store.ListRowsAsync(caseId, EvidenceRows.Admissions, ct);
        var opinions = store.ListRowsAsync(caseId, EvidenceRows.Opinions, ct);
        await Task.WhenAll(items, rulings, opinions);
        var now = clock.GetUtcNow();
        var c = grant.Case;
        var rulingOf = (await rulings).ToDictionary(x => x.EvidenceId, StringComparer.Ordinal);
        var opinionsOf = (await opinions).ToLookup(o => o.EvidenceId, StringComparer.Ordinal);
        var visible = (await items).OrderBy(i => i.Sequence).Where(i => i.Sequence > afterSequence)
            .Where(i => EvidenceExchanges.CanSee(grant.Side, i, c.Evidence, rulingOf.GetValueOrDefault(i.EvidenceId), now))
            .Take(pageSize + 1)
            .Select(i => new Listed(i, LateEvidence.IsLate(c, i), rulingOf.GetValueOrDefault(i.EvidenceId),
                opinionsOf[i.EvidenceId].OrderBy(o => o.PartyNumber).ToList()))
            .ToList();
        return visible.Count > pageSize ? (visible[..pageSize], visible[pageSize - 1].Item.Sequence) : (visible, null);
    }
}
