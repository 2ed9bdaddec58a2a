using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.Evidence;

namespace ECourt.Application.Evidence;

/// <summary>A document taken into an item of evidence: one document is one item's, and which side's it is.</summary>
public sealed record EvidenceDocumentUse(string DocumentId, string EvidenceId, CaseSide Side);

/// <summary>
/// The evidence stage's rows in the case's partition, each inserted once: the items of the chain ("evi-{evidenceId}", in the chain's
/// order), which item each document went into ("evd-{documentId}": a second item with the same document finds it there), each
/// party's cross-examination opinion on an item ("eop-{evidenceId}-{partyNumber}"), the judge's ruling on late evidence
/// ("ead-{evidenceId}"), and applications to extend the period with their decisions ("ext-{id}", "exd-{id}").
/// </summary>
public static class EvidenceRows
{
    public static readonly CaseRowKind<EvidenceItem> Items = new("evi-");

    public static readonly CaseRowKind<EvidenceDocumentUse> DocumentUses = new("evd-");

    public static readonly CaseRowKind<CrossExaminationOpinion> Opinions = new("eop-");

    public static readonly CaseRowKind<AdmissionRuling> Admissions = new("ead-");

    public static readonly CaseRowKind<ExtensionApplication> Extensions = new("ext-");

    public static readonly CaseRowKind<ExtensionDecision> ExtensionDecisions = new("exd-");

    public static string OpinionId(string evidenceId, int partyNumber) => $"{evidenceId}-{partyNumber:D4}";

    /// <summary>The opinions on one item.</summary>
    public static CaseRowKind<CrossExaminationOpinion> OpinionsOn(string evidenceId) => new(Opinions.Prefix + evidenceId + "-");

    /// <summary>An id a client sends for an item: the form the chain gives (else it names no item, and is no table key either).</summary>
    public static bool IsEvidenceId(string? id) => id is { Length: 8 } && id.StartsWith("ev", StringComparison.Ordinal)
        && id.AsSpan(2).IndexOfAnyExceptInRange('0', '9') < 0;

    public static bool IsExtensionId(string? id) => id is { Length: 27 } && id.StartsWith("ext", StringComparison.Ordinal)
        && id.AsSpan(3).IndexOfAnyExcept("0123456789abcdef") < 0;
}
