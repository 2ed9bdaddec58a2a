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

    private Task<TOut> Run<TIn, TOut>(string name, TIn input, FunctionContext context) =>
        CaseActivities.All[name].RunAsync<TIn, TOut>(services, input, context.CancellationToken);

    [Function(CaseActivities.GetCaseProgress)]
    public Task<CaseProgress> GetCaseProgress([ActivityTrigger] string caseId, FunctionContext context) =>
        Run<string, CaseProgress>(CaseActivities.GetCaseProgress, caseId, context);

    [Function(CaseActivities.KeepDeadline)]
    public Task<CaseStatus> KeepDeadline([ActivityTrigger] KeepDeadlineInput input, FunctionContext context) =>
        Run<KeepDeadlineInput, CaseStatus>(CaseActivities.KeepDeadline, input, context);

    [Function(CaseActivities.RecordLifecycleStall)]
    public Task<LifecycleStall> RecordLifecycleStall([ActivityTrigger] LifecycleStallInput input, FunctionContext context) =>
        Run<LifecycleStallInput, LifecycleStall>(CaseActivities.RecordLifecycleStall, input, context);

    [Function(CaseActivities.ClearLifecycleStall)]
    public Task<bool> ClearLifecycleStall([ActivityTrigger] string caseId, FunctionContext context) =>
        Run<string, bool>(CaseActivities.ClearLifecycleStall, caseId, context);
}
