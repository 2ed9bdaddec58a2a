namespace ECourt.Application.ServiceOfProcess;

/// <summary>Moves the service on from the step it was at, for the reason given.</summary>
public sealed record AdvanceInput(string CaseId, string ServiceId, int Step, string Reason);
