using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Evidence;

namespace ECourt.Application.Evidence;

/// <summary>
/// One item of evidence as the caller may see it, or not found: an item the caller may not see is answered as one that does not exist.
/// </summary>
public sealed class EvidenceItems(ICaseStore store, TimeProvider clock)
{
    public sealed record Seen(EvidenceItem Item, AdmissionRuling? Ruling);

    public async Task<Seen> GetAsync(CaseGrant grant, string evidenceId, CancellationToken ct)
    {
        if (!EvidenceRows.IsEvidenceId(evidenceId)) throw new NotFoundException("such evidence");
        var item = store.GetRowAsync(grant.CaseId, EvidenceRows.Items, evidenceId, ct);
        var ruling = store.GetRowAsync(grant.CaseId, EvidenceRows.Admissions, evidenceId, ct);
        await Task.WhenAll(item, ruling);
        if ((await item)?.Value is not { } found) throw new NotFoundException("such evidence");
        var rule = (await ruling)?.Value;
        if (!EvidenceExchanges.CanSee(grant.Side, found, grant.Case.Evidence, rule, clock.GetUtcNow()))
            throw new NotFoundException("such evidence");
        return new Seen(found, rule);
    }
}
