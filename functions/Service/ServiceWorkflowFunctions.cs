using ECourt.Domain.Service;
using ECourt.Orchestrations.Service;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace ECourt.Functions.Service;

/// <summary>The service workflow and its activities as Functions; the work is in orchestrations/Service.</summary>
public sealed class ServiceWorkflowFunctions(GetServiceState getState, SendServiceNotice send, AdvanceService advance, ElapsePublicNotice elapse,
    CompleteService complete, StartProcessService startProcess, FlagDispatchOverdue flagDispatch, FlagRouteExhausted flagExhausted)
{
    [Function(nameof(FlagRouteExhausted))]
    public Task<ServiceState> RunFlagRouteExhausted([ActivityTrigger] ServiceRef input, FunctionContext context) => flagExhausted.RunAsync(input, context.CancellationToken);

    [Function(nameof(StartProcessService))]
    public Task<bool> RunStartProcessService([ActivityTrigger] string caseId, FunctionContext context) => startProcess.RunAsync(caseId, context.CancellationToken);

    [Function(nameof(FlagDispatchOverdue))]
    public Task<ServiceState> RunFlagDispatchOverdue([ActivityTrigger] ServiceRef input, FunctionContext context) => flagDispatch.RunAsync(input, context.CancellationToken);

    [Function(ServiceWorkflow.Name)]
    public static Task<ServiceStatus> RunServiceWorkflow([OrchestrationTrigger] TaskOrchestrationContext context) =>
        ServiceWorkflow.RunAsync(context, context.GetInput<ServiceRef>()!);

    [Function(nameof(GetServiceState))]
    public Task<ServiceState> RunGetServiceState([ActivityTrigger] ServiceRef input, FunctionContext context) => getState.RunAsync(input, context.CancellationToken);

    [Function(nameof(SendServiceNotice))]
    public Task<ServiceState> RunSendServiceNotice([ActivityTrigger] ServiceRef input, FunctionContext context) => send.RunAsync(input, context.CancellationToken);

    [Function(nameof(AdvanceService))]
    public Task<ServiceState> RunAdvanceService([ActivityTrigger] AdvanceInput input, FunctionContext context) => advance.RunAsync(input, context.CancellationToken);

    [Function(nameof(ElapsePublicNotice))]
    public Task<ServiceState> RunElapsePublicNotice([ActivityTrigger] ServiceRef input, FunctionContext context) => elapse.RunAsync(input, context.CancellationToken);

    [Function(nameof(CompleteService))]
    public Task<ServiceState> RunCompleteService([ActivityTrigger] ServiceRef input, FunctionContext context) => complete.RunAsync(input, context.CancellationToken);
}
