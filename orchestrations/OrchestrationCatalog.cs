using ECourt.Orchestrations.Cases;
using ECourt.Orchestrations.ServiceOfProcess;
using Microsoft.DurableTask;

namespace ECourt.Orchestrations;

/// <summary>
/// Every stage's orchestrators and activities, registered once for the durable workers of the local host and the
/// tests: one line per stage in each list. The Functions app's triggers run the same activity definitions.
/// </summary>
public static class OrchestrationCatalog
{
    public static IReadOnlyList<ActivityDefinition> Activities { get; } = [.. CaseActivities.All.All, .. ServiceActivities.All.All];

    public static IReadOnlyList<string> Orchestrators { get; } = [CaseLifecycle.Name, ServiceWorkflow.Name];

    public static void Register(DurableTaskRegistry registry)
    {
        CaseLifecycle.Register(registry);
        CaseActivities.All.Register(registry);
        ServiceWorkflow.Register(registry);
        ServiceActivities.All.Register(registry);
    }

    public static ActivityDefinition Activity(string name) => Activities.Single(a => a.Name == name);
}
