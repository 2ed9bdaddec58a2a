using ECourt.Domain.Access;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;

namespace ECourt.Domain.Evidence;

/// <summary>
/// A party submits an item of evidence: one or more documents it uploaded as evidence, what the item is, what it is to prove and
/// where it comes from (CPL art. 67). Its record is fixed by hash and chained to the case's previous item when it is submitted
/// (Online Litigation Rules art. 16); evidence after the period of proof is accepted and marked late (CPL Interpretation art. 101).
/// </summary>
public static class EvidenceSubmission
{
    /// <summary>A title names the item (a contract, a transfer record): a line.</summary>
    public const int MaxTitleChars = 200;

    /// <summary>What the item is to prove (证明目的): a paragraph.</summary>
    public const int MaxPurposeChars = 1000;

    /// <summary>Where it comes from (证据来源): a line.</summary>
    public const int MaxSourceChars = 200;

    public static (CourtCase Case, CaseEvent Event, EvidenceItem Item) Submit(CourtCase c, Actor actor, CaseSide side,
        IReadOnlyList<int> parties, DateTimeOffset now, string title, string purpose, string source, IReadOnlyList<CaseDocument> documents)
    {
        CaseTransitions.Target(c.Status, EvidenceActions.SubmitEvidence);
        if (documents.Count == 0)
            throw new DomainRuleException("evidence-documents-required", "An item of evidence has at least one document.", "documentIds");
        if (documents.FirstOrDefault(d => d.Kind != DocumentKind.Evidence) is { } other)
            throw new DomainRuleException("evidence-document-kind-required",
                $"Document {other.DocumentId} was uploaded as {other.Kind.WireName()}: upload evidence with the kind evidence.",
                "documentIds");
        var summary = c.Evidence ?? EvidenceSummary.Empty;
        var item = EvidenceChain.Append(summary.Chain, c.CaseId, now, side, parties, actor.Role, title, purpose, source,
            documents.Select(d => new EvidenceDocument(d.DocumentId, d.FileName, d.ContentType, d.Size, new EvidenceDigests(d.Sha256)))
                .ToList(),
            actor.UserId);
        var late = LateEvidence.IsLate(summary.Period, now)
            ? $"; submitted after the period of proof ended on {EvidencePeriods.Day(summary.Period!.Deadline.LastDay)}: late "
                + "(CPL Interpretation art. 101)"
            : "";
        var (submitted, ev) = c.Transition(EvidenceActions.SubmitEvidence, actor, now,
            $"Evidence {item.EvidenceId} submitted for the {EvidenceRecord.SideName(side)} side with {documents.Count} "
            + $"document{(documents.Count == 1 ? "" : "s")}; its record's SHA-256 is {item.Digests.Sha256}{late}",
            x => x.WithEvidence(summary with { Chain = EvidenceChain.After(item) }));
        return (submitted, ev, item);
    }
}
