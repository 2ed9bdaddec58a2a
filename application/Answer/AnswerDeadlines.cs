using ECourt.Application.Cases;
using ECourt.Domain.Answer;
using ECourt.Domain.Calendar;

namespace ECourt.Application.Answer;

/// <summary>
/// The answer stage's deadline, as of court time: a defendant served whose 3 days to link its account ended unlinked proceeds
/// offline (Online Litigation Rules art. 10); one that linked or chose meanwhile is left as it is.
/// </summary>
public sealed class AnswerDeadlines(CaseChanges changes, DeadlineCalculator deadlines, TimeProvider clock) : IDeadlineHandler
{
    public IReadOnlyList<string> Kinds => [AnswerStage.OnlineLinkingDeadline];

    public async Task KeepAsync(string caseId, string kind, CancellationToken ct) =>
        await changes.ApplyAsync(caseId, c => CaseChange.Of(OnlineLinking.Lapse(c, clock.GetUtcNow(), deadlines)), ct);
}
