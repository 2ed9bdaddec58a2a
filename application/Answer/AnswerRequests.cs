using ECourt.Application.Cases;
using ECourt.Domain.Answer;

namespace ECourt.Application.Answer;

/// <summary>POST /api/cases/{caseId}/answers: the defendant's answer, from documents uploaded first with the kind answer.</summary>
public sealed record AnswerRequest(
    [property: Required, Bound(DefendantAnswer.MaxDocuments, ItemChars = Bounds.Code)] List<string?>? DocumentIds);

/// <summary>POST /api/cases/{caseId}/jurisdiction-objections: the defendant's objection, its reasons and the court it proposes.</summary>
public sealed record JurisdictionObjectionRequest(
    [property: Required, Bound(Validation.MaxReasons, ItemChars = Validation.MaxReasonChars)] List<string?>? Reasons,
    [property: Bound(Bounds.Name)] string? ProposedCourt);
