using ECourt.Application.Cases;
using ECourt.Application.Judgments;

namespace ECourt.Application.Publication;

/// <summary>
/// POST /api/judgments/{judgmentId}/prepare: the clerk's corrected text, if any (required when the PDF gave none), and that what the
/// residue scan still finds was reviewed and is not personal data.
/// </summary>
public sealed record PreparePublicationRequest(
    [property: Bound(JudgmentText.MaxChars)] string? Text,
    bool? ResidueReviewed);

/// <summary>POST /api/judgments/{judgmentId}/approve: the approver's corrected text, if any.</summary>
public sealed record ApprovePublicationRequest(
    [property: Bound(JudgmentText.MaxChars)] string? Corrections);

/// <summary>POST /api/judgments/{judgmentId}/withdraw: why the published judgment is withdrawn.</summary>
public sealed record WithdrawPublicationRequest(
    [property: Required, Bound(Bounds.Note)] string? Reason);
