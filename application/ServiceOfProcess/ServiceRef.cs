namespace ECourt.Application.ServiceOfProcess;

/// <summary>Which service a workflow serves.</summary>
public sealed record ServiceRef(string CaseId, string ServiceId);
