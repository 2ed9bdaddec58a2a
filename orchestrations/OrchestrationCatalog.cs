using ECourt.Domain.Cases;
using ECourt.Domain.Service;
using ECourt.Orchestrations.Lifecycle;
using ECourt.Orchestrations.Service;
using Microsoft.DurableTask;

namespace ECourt.Orchestrations;

/// <summary>Every orchestrator and activity, registered once for the durable workers of the local host and the tests.</summary>
public static class OrchestrationCatalog
{
    public static readonly IReadOnlyList<string> Orchestrators = [CaseLifecycle.Name, ServiceWorkflow.Name];

    public static readonly IReadOnlyList<string> Activities =
    [
        nameof(GetCaseProgress), nameof(KeepDeadline),
        nameof(GetServiceState), nameof(SendServiceNotice), nameof(AdvanceService), nameof(ElapsePublicNotice), nameof(CompleteService),
        nameof(StartProcessService), nameof(FlagDispatchOverdue), nameof(FlagRouteExhausted),
    ];

    public static void Register(DurableTaskRegistry registry)
    {
        CaseLifecycle.Register(registry);
        registry.AddActivity(nameof(GetCaseProgress), ServiceActivity<GetCaseProgress, string, CaseProgress>.Factory);
        registry.AddActivity(nameof(KeepDeadline), ServiceActivity<KeepDeadline, KeepDeadlineInput, CaseStatus>.Factory);
        ServiceWorkflow.Register(registry);
        registry.AddActivity(nameof(GetServiceState), ServiceActivity<GetServiceState, ServiceRef, ServiceState>.Factory);
        registry.AddActivity(nameof(SendServiceNotice), ServiceActivity<SendServiceNotice, ServiceRef, ServiceState>.Factory);
        registry.AddActivity(nameof(AdvanceService), ServiceActivity<AdvanceService, AdvanceInput, ServiceState>.Factory);
        registry.AddActivity(nameof(ElapsePublicNotice), ServiceActivity<ElapsePublicNotice, ServiceRef, ServiceState>.Factory);
        registry.AddActivity(nameof(CompleteService), ServiceActivity<CompleteService, ServiceRef, ServiceState>.Factory);
        registry.AddActivity(nameof(StartProcessService), ServiceActivity<StartProcessService, string, bool>.Factory);
        registry.AddActivity(nameof(FlagDispatchOverdue), ServiceActivity<FlagDispatchOverdue, ServiceRef, ServiceState>.Factory);
        registry.AddActivity(nameof(FlagRouteExhausted), ServiceActivity<FlagRouteExhausted, ServiceRef, ServiceState>.Factory);
    }
}
