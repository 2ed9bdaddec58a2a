using ECourt.Domain.Cases;
using ECourt.Orchestrations.Lifecycle;
using Microsoft.DurableTask;

namespace ECourt.Orchestrations;

/// <summary>Every orchestrator and activity, registered once for the durable workers of the local host and the tests.</summary>
public static class OrchestrationCatalog
{
    public static readonly IReadOnlyList<string> Orchestrators = [CaseLifecycle.Name];

    public static readonly IReadOnlyList<string> Activities = [nameof(GetCaseProgress), nameof(KeepDeadline)];

    public static void Register(DurableTaskRegistry registry)
    {
        CaseLifecycle.Register(registry);
        registry.AddActivity(nameof(GetCaseProgress), ServiceActivity<GetCaseProgress, string, CaseProgress>.Factory);
        registry.AddActivity(nameof(KeepDeadline), ServiceActivity<KeepDeadline, KeepDeadlineInput, CaseStatus>.Factory);
    }
}
