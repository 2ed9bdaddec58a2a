using ECourt.Application.Cases;
using ECourt.Domain.Cases;

namespace ECourt.Orchestrations.Cases;

/// <summary>The case lifecycle's activities, each one use case: read the case's progress, keep a deadline by its stage's handler.</summary>
public static class CaseActivities
{
    public const string GetCaseProgress = nameof(GetCaseProgress);
    public const string KeepDeadline = nameof(KeepDeadline);

    public static ActivityList All { get; } = new ActivityList()
        .Add<ReadCaseProgress, string, CaseProgress>(GetCaseProgress, (u, caseId, ct) => u.RunAsync(caseId, ct))
        .Add<Application.Cases.KeepDeadline, KeepDeadlineInput, CaseStatus>(KeepDeadline,
            (u, input, ct) => u.RunAsync(input.CaseId, input.Kind, ct));
}
