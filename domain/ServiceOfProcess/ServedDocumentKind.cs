using System.Text.Json.Serialization;
using ECourt.Domain.Documents;

namespace ECourt.Domain.ServiceOfProcess;

/// <summary>The court documents that are served on a party, each with its own notice texts.</summary>
public enum ServedDocumentKind
{
    /// <summary>缴费通知书: the fee notice, served on the plaintiff at registration.</summary>
    [JsonStringEnumMemberName("fee-notice")]
    FeeNotice,
    /// <summary>起诉状副本: the complaint copy, dispatched to the defendant within 5 days of registration (CPL art. 128).</summary>
    [JsonStringEnumMemberName("complaint-copy")]
    ComplaintCopy,
    /// <summary>传票: a summons to a hearing.</summary>
    [JsonStringEnumMemberName("summons")]
    Summons,
    /// <summary>判决书 / 裁定书: a judgment or ruling.</summary>
    [JsonStringEnumMemberName("judgment")]
    Judgment,
    /// <summary>诉讼费用司法救助决定书: the decision on fee aid, served on the applicant (Measures arts. 44–48).</summary>
    [JsonStringEnumMemberName("fee-aid-decision")]
    FeeAidDecision,
    /// <summary>举证通知书: the notice of the burden and period of proof, served on every party (SPC Evidence Provisions art. 50).</summary>
    [JsonStringEnumMemberName("evidence-notice")]
    EvidenceNotice,
    /// <summary>撤销开庭通知书: the notice that a hearing the parties were summoned to will not be held.</summary>
    [JsonStringEnumMemberName("hearing-cancellation")]
    HearingCancellation,
    /// <summary>执行通知书、报告财产令: the notice of enforcement and the order to report assets, to the debtors (SPC Interpretation art.
    /// 480).</summary>
    [JsonStringEnumMemberName("enforcement-notice")]
    EnforcementNotice,
    /// <summary>纳入失信被执行人名单决定书: the decision to list a debtor as dishonest (SPC Provisions 2017 art. 5).</summary>
    [JsonStringEnumMemberName("dishonest-listing-decision")]
    DishonestListingDecision,
}

/// <summary>
/// Which case document each served kind is: what its service means for the case (the fee period, the answer period) follows from
/// the kind, so a document is served only as what it is.
/// </summary>
public static class ServedDocumentKinds
{
    public static DocumentKind DocumentKind(this ServedDocumentKind kind) => kind switch
    {
        ServedDocumentKind.FeeNotice => Documents.DocumentKind.FeeNotice,
        ServedDocumentKind.ComplaintCopy => Documents.DocumentKind.Complaint,
        ServedDocumentKind.FeeAidDecision => Documents.DocumentKind.FeeAidDecision,
        ServedDocumentKind.EvidenceNotice => Documents.DocumentKind.EvidenceNotice,
        ServedDocumentKind.Summons => Documents.DocumentKind.Summons,
        ServedDocumentKind.HearingCancellation => Documents.DocumentKind.HearingCancellation,
        ServedDocumentKind.Judgment => Documents.DocumentKind.Judgment,
        ServedDocumentKind.EnforcementNotice => Documents.DocumentKind.EnforcementNotice,
        ServedDocumentKind.DishonestListingDecision => Documents.DocumentKind.DishonestListingDecision,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Refuses to serve a document as a kind it is not (nothing is started).</summary>
    public static void CheckDocument(this ServedDocumentKind kind, CaseDocument document)
    {
        if (document.Kind != kind.DocumentKind())
            throw new DomainRuleException("served-kind-must-match-document",
                $"A {kind.WireName()} is served from a {kind.DocumentKind().WireName()} document; "
                + $"document {document.DocumentId} is a {document.Kind.WireName()}.",
                "kind");
    }
}
