using ECourt.Application.Cases;
using ECourt.Domain.Cases;

namespace ECourt.Orchestrations.Cases;

/// <summary>
/// The case lifecycle's activities, each one use case: read the case's progress, keep a deadline by its stage's handler,
/// and record or clear a stall of its rounds.
/// </summary>
public static class CaseActivities
{
    public const string GetCaseProgress = nameof(GetCaseProgress);
    public const string KeepDeadline = nameof(KeepDeadline);
    public const string RecordLifecycleStall = nameof(RecordLifecycleStall);
    public const string ClearLifecycleStall = nameof(ClearLifecycleStall);

    public static ActivityList All { get; } = new ActivityList()
        .Add<ReadCaseProgress, string, CaseProgress>(GetCaseProgress, (u, caseId, ct) => u.RunAsync(caseId, ct))
        .Add<Application.Cases.KeepDeadline, KeepDeadlineInput, CaseStatus>(KeepDeadline,
            (u, input, ct) => u.RunAsync(input.CaseId, input.Kind, ct))
        .Add<Application.Cases.RecordLifecycleStall, LifecycleStallInput, LifecycleStall>(RecordLifecycleStall,
            (u, input, ct) => u.RunAsync(input, ct))
        .Add<Application.Cases.ClearLifecycleStall, string, bool>(ClearLifecycleStall, (u, caseId, ct) => u.RunAsync(caseId, ct));
}
