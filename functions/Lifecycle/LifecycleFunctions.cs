using ECourt.Domain.Cases;
using ECourt.Orchestrations.Lifecycle;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace ECourt.Functions.Lifecycle;

/// <summary>The case lifecycle's orchestrator and activities as Functions; the work is in orchestrations/.</summary>
public sealed class LifecycleFunctions(GetCaseProgress getCaseProgress, KeepDeadline keepDeadline)
{
    [Function(CaseLifecycle.Name)]
    public static Task<CaseStatus> RunCaseLifecycle([OrchestrationTrigger] TaskOrchestrationContext context) =>
        CaseLifecycle.RunAsync(context, context.GetInput<CaseLifecycleInput>()!);

    [Function(nameof(GetCaseProgress))]
    public Task<CaseProgress> RunGetCaseProgress([ActivityTrigger] string caseId, FunctionContext context) =>
        getCaseProgress.RunAsync(caseId, context.CancellationToken);

    [Function(nameof(KeepDeadline))]
    public Task<CaseStatus> RunKeepDeadline([ActivityTrigger] KeepDeadlineInput input, FunctionContext context) =>
        keepDeadline.RunAsync(input, context.CancellationToken);
}
