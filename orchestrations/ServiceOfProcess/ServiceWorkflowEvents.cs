namespace ECourt.Orchestrations.ServiceOfProcess;

/// <summary>The signal that a service record changed (evidence, a postal result, a judge's decision, court time moved).</summary>
public sealed record ServiceChange(string What);
