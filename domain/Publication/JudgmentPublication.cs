using System.Text.Json.Serialization;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Publication;

public enum PublicationState
{
    /// <summary>The anonymised draft is made: the clerk checks and prepares it (the text, when the PDF could not be read).</summary>
    [JsonStringEnumMemberName("awaiting-clerk")]
    AwaitingClerk,
    /// <summary>Prepared by the clerk: the division head or the president approves it, with corrections if any.</summary>
    [JsonStringEnumMemberName("awaiting-approval")]
    AwaitingApproval,
    /// <summary>Approved and published online (anonymised; or, for what is not published, its notice).</summary>
    [JsonStringEnumMemberName("published")]
    Published,
    /// <summary>Withdrawn by a judge with a reason: no longer shown or found.</summary>
    [JsonStringEnumMemberName("withdrawn")]
    Withdrawn,
}

/// <summary>
/// The publication of the case's effective judgment (the part "publication"): its state, the text's version and the id it is kept under
/// (each correction is a new version of the anonymised text, kept beside the case), what the residue scan still found, who prepared and
/// approved it and
/// when, escalation and lateness, what was released to the public and a withdrawal. <see cref="NotPublishedReason"/>: only the
/// case number, court, date and this reason are published.
/// </summary>
public sealed record JudgmentPublication(
    string JudgmentId,
    DateOnly EffectiveOn,
    string? NotPublishedReason,
    PublicationState State,
    int TextVersion,
    string? TextId,
    bool TextMissing,
    int Redactions,
    IReadOnlyList<RedactionKind> Residue,
    DateTimeOffset DraftedAt,
    DateTimeOffset? PreparedAt,
    string? PreparedBy,
    DateTimeOffset? ApprovedAt,
    string? ApprovedBy,
    DateTimeOffset? EscalatedAt,
    DateTimeOffset? OverdueFlaggedAt,
    DateTimeOffset? PublishedAt,
    int Version,
    int ReleasedVersion,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawalReason)
{
    public bool Open => State is PublicationState.AwaitingClerk or PublicationState.AwaitingApproval;
}

public static class PublicationParts
{
    public static readonly CasePart Summary = CasePart.Of<JudgmentPublication>("publication");

    extension(CourtCase c)
    {
        /// <summary>The publication of the effective judgment, once its draft is made.</summary>
        public JudgmentPublication? Publication => c.Part<JudgmentPublication>();

        public CourtCase WithPublication(JudgmentPublication publication) => c.With(publication);
    }
}
