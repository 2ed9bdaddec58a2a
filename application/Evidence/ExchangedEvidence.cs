using System.Runtime.CompilerServices;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Domain.Access;
using ECourt.Domain.Evidence;

namespace ECourt.Application.Evidence;

/// <summary>
/// The documents of an item of evidence reach the other side's parties with the exchange (or at once where the judge so ordered),
/// unless the item is excluded as late: from then on they see them in the case view and may download them, as a document served on
/// them. Worked out once per case file read (a case may hold a thousand items).
/// </summary>
public sealed class ExchangedEvidence(TimeProvider clock) : IDocumentRecipients
{
    private readonly ConditionalWeakTable<CaseFile, Dictionary<string, IReadOnlyList<int>>> _reached = new();

    public IReadOnlyList<int> ServedOn(CaseFile file, string documentId) =>
        _reached.GetValue(file, Reached).TryGetValue(documentId, out var parties) ? parties : [];

    private Dictionary<string, IReadOnlyList<int>> Reached(CaseFile file)
    {
        var c = file.Case;
        var reached = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        if (!EvidenceExchanges.Disclosed(c.Evidence, now)) return reached;
        var rulings = file.Rows(EvidenceRows.Admissions).ToDictionary(r => r.EvidenceId, StringComparer.Ordinal);
        foreach (var use in file.Rows(EvidenceRows.DocumentUses))
        {
            var other = use.Side == CaseSide.Filing ? CaseSide.Other : CaseSide.Filing;
            if (EvidenceExchanges.CanSee(other, use.Side, c.Evidence, rulings.GetValueOrDefault(use.EvidenceId), now))
                reached[use.DocumentId] = c.Parties.Where(p => CaseRelations.SideOf(p) == other).Select(p => p.PartyNumber).ToList();
        }
        return reached;
    }
}
