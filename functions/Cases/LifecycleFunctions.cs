using ECourt.Application.Cases;
using ECourt.Domain.Cases;
using ECourt.Orchestrations.Cases;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace ECourt.Functions.Cases;

/// <summary>
/// The case lifecycle's orchestrator and activities as Functions (the Worker SDK needs a trigger per activity); each
/// runs the activity's definition in orchestrations/, which calls one use case.
/// </summary>
public sealed class LifecycleFunctions(IServiceProvider services)
{
    [Function(CaseLifecycle.Name)]
    public static Task<CaseStatus> RunCaseLifecycle([OrchestrationTrigger] TaskOrchestrationContext context) =>
        CaseLifecycle.RunAsync(context, context.GetInput<CaseLifecycleInput>()!);

    [Function(CaseActivities.GetCaseProgress)]
    public Task<CaseProgress> GetCaseProgress([ActivityTrigger] string caseId, FunctionContext context) =>
        CaseActivities.All[CaseActivities.GetCaseProgress].RunAsync<string, CaseProgress>(services, caseId, context.CancellationToken);

    [Function(CaseActivities.KeepDeadline)]
    public Task<CaseStatus> KeepDeadline([ActivityTrigger] KeepDeadlineInput input, FunctionContext context) =>
        CaseActivities.All[CaseActivities.KeepDeadline].RunAsync<KeepDeadlineInput, CaseStatus>(services, input, context.CancellationToken);
}
