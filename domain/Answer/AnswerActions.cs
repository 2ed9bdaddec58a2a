using ECourt.Domain.Cases;

namespace ECourt.Domain.Answer;

/// <summary>
/// The answer stage's rows of the transition table: a defendant's acts from acceptance (a defendant served early) through the answer
/// and evidence stage, each leaving the case where it is.
/// </summary>
public static class AnswerActions
{
    private static readonly IReadOnlyList<CaseStatus> Open = [CaseStatus.Accepted, CaseStatus.EvidenceExchange];

    public static readonly CaseAction FileAnswer = CaseAction.Within(nameof(FileAnswer), Open, "CPL art. 128");

    public static readonly CaseAction ObjectToJurisdiction = CaseAction.Within(nameof(ObjectToJurisdiction), Open, "CPL art. 130");

    public static IReadOnlyList<CaseAction> All { get; } = [FileAnswer, ObjectToJurisdiction];
}
