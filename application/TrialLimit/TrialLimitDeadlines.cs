using ECourt.Application.Cases;
using ECourt.Domain.Calendar;
using ECourt.Domain.TrialLimit;

namespace ECourt.Application.TrialLimit;

/// <summary>
/// The trial time limit's deadlines, as of court time: the warning to the judge at four fifths and the limit itself are recorded as
/// events for the case's team; a case that was extended, judged or suspended meanwhile is left as it is.
/// </summary>
public sealed class TrialLimitDeadlines(CaseChanges changes, DeadlineCalculator deadlines, TimeProvider clock) : IDeadlineHandler
{
    public IReadOnlyList<string> Kinds => [TrialLimitModule.WarningDeadline, TrialLimitModule.LimitDeadline];

    public async Task KeepAsync(string caseId, string kind, CancellationToken ct) => await changes.ApplyAsync(caseId, c => CaseChange.Of(
        kind == TrialLimitModule.WarningDeadline
            ? TrialLimitWarnings.Warn(c, clock.GetUtcNow(), deadlines)
            : TrialLimitWarnings.Reach(c, clock.GetUtcNow(), deadlines)), ct);
}
