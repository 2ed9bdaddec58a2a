using ECourt.Domain.Service;

namespace ECourt.Orchestrations.Service;

/// <summary>Which service a workflow serves.</summary>
public sealed record ServiceRef(string CaseId, string ServiceId);

/// <summary>What the workflow needs to decide its next step, read from the table.</summary>
/// <param name="WakeAt">when the current wait ends without evidence: the channel's timeout, or public notice's 30 days</param>
/// <param name="DispatchDue">the post step waits for the clerk to mail a complaint copy, and its 5-day dispatch deadline is what the wait ends at</param>
/// <param name="ClerkToFlag">the route ran out and the clerk has not been told yet</param>
public sealed record ServiceState(ServiceStatus Status, int CurrentStep, ServiceMethod Method, int Round, bool Started, bool Refused, bool Certified,
    DateTimeOffset? WakeAt, bool DispatchDue = false, bool ClerkToFlag = false);

/// <summary>The signal that a service record changed (evidence, a postal result, a judge's decision).</summary>
public sealed record ServiceChange(string What);

public sealed record AdvanceInput(string CaseId, string ServiceId, int Step, string Reason);
