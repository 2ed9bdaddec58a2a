using ECourt.Application.Cases;
using ECourt.Domain.Calendar;
using ECourt.Domain.Judgments;

namespace ECourt.Application.Judgments;

/// <summary>
/// The judgments stage's deadlines, as of court time: a judgment not yet sent for service is served on every party; when the last
/// appeal period ended with no appeal the judgment takes effect. A case that moved on is left as it is.
/// </summary>
public sealed class JudgmentDeadlines(CaseChanges changes, ServeJudgment serve, DeadlineCalculator deadlines, TimeProvider clock)
    : IDeadlineHandler
{
    public IReadOnlyList<string> Kinds => [JudgmentsStage.JudgmentService, JudgmentsStage.JudgmentEffect];

    public async Task KeepAsync(string caseId, string kind, CancellationToken ct)
    {
        if (kind == JudgmentsStage.JudgmentService) await serve.RunAsync(caseId, ct);
        else await changes.ApplyAsync(caseId, c => CaseChange.Of(JudgmentRules.TakeEffect(c, clock.GetUtcNow(), deadlines)), ct);
    }
}
