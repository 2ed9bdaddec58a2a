using ECourt.Application.Cases;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.ServiceOfProcess;
using ECourt.Orchestrations.ServiceOfProcess;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace ECourt.Functions.ServiceOfProcess;

/// <summary>
/// The service workflow and its activities as Functions (the Worker SDK needs a trigger per activity); each runs the
/// activity's definition in orchestrations/, which calls one use case.
/// </summary>
public sealed class ServiceOfProcessFunctions(IServiceProvider services)
{
    [Function(ServiceWorkflow.Name)]
    public static Task<ServiceStatus> RunServiceWorkflow([OrchestrationTrigger] TaskOrchestrationContext context) =>
        ServiceWorkflow.RunAsync(context, context.GetInput<ServiceWorkflowInput>()!);

    private Task<TOut> Run<TIn, TOut>(string name, TIn input, FunctionContext context) =>
        ServiceActivities.All[name].RunAsync<TIn, TOut>(services, input, context.CancellationToken);

    [Function(ServiceActivities.StartProcessService)]
    public Task<bool> StartProcessService([ActivityTrigger] string caseId, FunctionContext context) =>
        Run<string, bool>(ServiceActivities.StartProcessService, caseId, context);

    [Function(ServiceActivities.GetServiceState)]
    public Task<ServiceState> GetServiceState([ActivityTrigger] ServiceRef input, FunctionContext context) =>
        Run<ServiceRef, ServiceState>(ServiceActivities.GetServiceState, input, context);

    [Function(ServiceActivities.SendServiceNotice)]
    public Task<ServiceState> SendServiceNotice([ActivityTrigger] ServiceRef input, FunctionContext context) =>
        Run<ServiceRef, ServiceState>(ServiceActivities.SendServiceNotice, input, context);

    [Function(ServiceActivities.AdvanceService)]
    public Task<ServiceState> AdvanceService([ActivityTrigger] AdvanceInput input, FunctionContext context) =>
        Run<AdvanceInput, ServiceState>(ServiceActivities.AdvanceService, input, context);

    [Function(ServiceActivities.ElapsePublicNotice)]
    public Task<ServiceState> ElapsePublicNotice([ActivityTrigger] ServiceRef input, FunctionContext context) =>
        Run<ServiceRef, ServiceState>(ServiceActivities.ElapsePublicNotice, input, context);

    [Function(ServiceActivities.CompleteService)]
    public Task<ServiceState> CompleteService([ActivityTrigger] ServiceRef input, FunctionContext context) =>
        Run<ServiceRef, ServiceState>(ServiceActivities.CompleteService, input, context);

    [Function(ServiceActivities.FlagDispatchOverdue)]
    public Task<ServiceState> FlagDispatchOverdue([ActivityTrigger] ServiceRef input, FunctionContext context) =>
        Run<ServiceRef, ServiceState>(ServiceActivities.FlagDispatchOverdue, input, context);

    [Function(ServiceActivities.FlagRouteExhausted)]
    public Task<ServiceState> FlagRouteExhausted([ActivityTrigger] ServiceRef input, FunctionContext context) =>
        Run<ServiceRef, ServiceState>(ServiceActivities.FlagRouteExhausted, input, context);

    [Function(ServiceActivities.RecordServiceStall)]
    public Task<LifecycleStall> RecordServiceStall([ActivityTrigger] ServiceStallInput input, FunctionContext context) =>
        Run<ServiceStallInput, LifecycleStall>(ServiceActivities.RecordServiceStall, input, context);

    [Function(ServiceActivities.ClearServiceStall)]
    public Task<bool> ClearServiceStall([ActivityTrigger] ServiceRef input, FunctionContext context) =>
        Run<ServiceRef, bool>(ServiceActivities.ClearServiceStall, input, context);
}
