using ECourt.Domain.Cases;

namespace ECourt.Domain.Evidence;

/// <summary>
/// The evidence stage in the case's snapshot (the part "evidence"): the period of proof, the end of the evidence chain, and the
/// exchanges ordered. The items, opinions, rulings and extensions are rows of their own beside it.
/// </summary>
public sealed record EvidenceSummary(EvidencePeriod? Period, EvidenceChainHead Chain, IReadOnlyList<ExchangeOrder> Exchanges)
{
    public static EvidenceSummary Empty { get; } = new(null, EvidenceChainHead.Empty, []);
}

public static class EvidenceParts
{
    public static readonly CasePart Summary = CasePart.Of<EvidenceSummary>("evidence");

    extension(CourtCase c)
    {
        /// <summary>The evidence stage, once anything happened in it.</summary>
        public EvidenceSummary? Evidence => c.Part<EvidenceSummary>();

        public CourtCase WithEvidence(EvidenceSummary summary) => c.With(summary);
    }
}
