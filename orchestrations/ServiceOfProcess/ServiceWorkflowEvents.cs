using ECourt.Application.ServiceOfProcess;
using ECourt.Orchestrations.Cases;

namespace ECourt.Orchestrations.ServiceOfProcess;

/// <summary>The signal that a service record changed (evidence, a postal result, a judge's decision, court time moved).</summary>
public sealed record ServiceChange(string What);

/// <summary>
/// The workflow's input: the service it serves; how it retries an activity and waits out a stall, from the lifecycle's
/// settings when it was started (absent in instances started before it was carried: the retries they were started with);
/// and, while its rounds fail, how many failed in a row. Instances started before carried a <see cref="ServiceRef"/>,
/// whose JSON reads as this with neither.
/// </summary>
public sealed record ServiceWorkflowInput(string CaseId, string ServiceId, LifecycleTiming? Timing = null,
    LifecycleRoundFailures? Failures = null)
{
    public ServiceRef Service() => new(CaseId, ServiceId);
}
