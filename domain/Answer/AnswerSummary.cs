using ECourt.Domain.Cases;

namespace ECourt.Domain.Answer;

/// <summary>
/// The defendants' answers and objections to jurisdiction in the case's snapshot (the part "answer"): at most one of each per
/// defendant, so the lists stay as short as the case's parties.
/// </summary>
public sealed record AnswerSummary(IReadOnlyList<AnswerFiled> Answers, IReadOnlyList<JurisdictionObjectionFiled> Objections)
{
    public static AnswerSummary Empty { get; } = new([], []);
}

/// <summary>A defendant's answer (答辩状): its documents, who filed it and when, and whether after the answer period.</summary>
public sealed record AnswerFiled(int PartyNumber, IReadOnlyList<string> DocumentIds, string FiledBy, string Role, DateTimeOffset FiledAt,
    bool Late);

/// <summary>A defendant's objection to the court's jurisdiction (管辖权异议), with its reasons and the court it says should hear the
/// case.</summary>
public sealed record JurisdictionObjectionFiled(int PartyNumber, IReadOnlyList<string> Reasons, string? ProposedCourt, string FiledBy,
    string Role, DateTimeOffset FiledAt);

public static class AnswerParts
{
    public static readonly CasePart Summary = CasePart.Of<AnswerSummary>("answer");

    extension(CourtCase c)
    {
        /// <summary>The defendants' answers and objections, once one was filed.</summary>
        public AnswerSummary? Answer => c.Part<AnswerSummary>();

        public CourtCase WithAnswer(AnswerSummary summary) => c.With(summary);
    }
}
