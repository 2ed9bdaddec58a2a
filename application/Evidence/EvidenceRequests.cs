using ECourt.Application.Cases;
using ECourt.Domain.Evidence;

namespace ECourt.Application.Evidence;

/// <summary>POST /api/cases/{caseId}/evidence-period: the judge names the period's last day.</summary>
public sealed record EvidencePeriodRequest([property: Required, Form(FieldForm.Date), Bound(Bounds.Code)] string? EndsOn);

/// <summary>POST /api/cases/{caseId}/evidence: an item of evidence from documents uploaded first with the kind evidence.</summary>
public sealed record EvidenceItemRequest(
    [property: Required, Bound(EvidenceSubmission.MaxTitleChars)] string? Title,
    [property: Required, Bound(EvidenceSubmission.MaxPurposeChars)] string? Purpose,
    [property: Required, Bound(EvidenceSubmission.MaxSourceChars)] string? Source,
    [property: Required, Bound(EvidenceChain.MaxDocumentsPerItem, ItemChars = Bounds.Code)] List<string?>? DocumentIds);

/// <summary>
/// POST /api/cases/{caseId}/evidence/{evidenceId}/opinions: a cross-examination opinion. <see cref="PartyNumber"/> names the party it
/// is for where the caller acts for more than one.
/// </summary>
public sealed record CrossExaminationRequest(
    [property: Required, OneOf(typeof(OpinionStance)), Bound(Bounds.WireName)] string? Authenticity,
    [property: Required, OneOf(typeof(OpinionStance)), Bound(Bounds.WireName)] string? Legality,
    [property: Required, OneOf(typeof(OpinionStance)), Bound(Bounds.WireName)] string? Relevance,
    [property: Bound(Validation.MaxReasons, ItemChars = Validation.MaxReasonChars)] List<string?>? Reasons,
    [property: Bound(EvidenceRequests.MaxPartyNumber, Min = 1)] int? PartyNumber);

/// <summary>POST /api/cases/{caseId}/evidence/exchange: the judge orders the exchange.</summary>
public sealed record EvidenceExchangeRequest(
    [property: Required, OneOf(typeof(ExchangeMode)), Bound(Bounds.WireName)] string? Mode,
    [property: Required, Form(FieldForm.DateTime), Bound(Bounds.Code)] string? OpensAt,
    [property: Required, Form(FieldForm.DateTime), Bound(Bounds.Code)] string? ClosesAt,
    [property: OneOf(typeof(EvidenceDisclosure)), Bound(Bounds.WireName)] string? Disclosure);

/// <summary>POST /api/cases/{caseId}/evidence/{evidenceId}/admission: the judge's ruling on late evidence.</summary>
public sealed record LateEvidenceRulingRequest(
    [property: Required, OneOf(typeof(LateEvidenceDecision)), Bound(Bounds.WireName)] string? Decision,
    [property: Required, Bound(Validation.MaxReasons, ItemChars = Validation.MaxReasonChars)] List<string?>? Reasons);

/// <summary>POST /api/cases/{caseId}/extensions: a party applies to extend the period of proof.</summary>
public sealed record ExtensionApplicationRequest(
    [property: Required, OneOf(typeof(ExtensionKind)), Bound(Bounds.WireName)] string? Kind,
    [property: Required, Bound(EvidencePeriodExtensions.MaxDays, Min = 1)] int? Days,
    [property: Required, Bound(Validation.MaxReasons, ItemChars = Validation.MaxReasonChars)] List<string?>? Reasons);

/// <summary>
/// POST /api/cases/{caseId}/extensions/{extensionId}/decision: the judge grants (by the days asked, or others) or refuses.
/// </summary>
public sealed record ExtensionDecisionRequest(
    [property: Required, OneOf(typeof(ExtensionRuling)), Bound(Bounds.WireName)] string? Decision,
    [property: Bound(EvidencePeriodExtensions.MaxDays, Min = 1)] int? Days,
    [property: Bound(Validation.MaxReasons, ItemChars = Validation.MaxReasonChars)] List<string?>? Reasons);

public static class EvidenceRequests
{
    /// <summary>Party numbers are the small whole numbers a case gives its parties in order: three digits hold every case's.</summary>
    public const int MaxPartyNumber = 999;
}
