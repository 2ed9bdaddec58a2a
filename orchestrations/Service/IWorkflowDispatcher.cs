namespace ECourt.Orchestrations.Service;

/// <summary>
/// What activities ask of the durable engine: start a service workflow, tell a case's orchestration its
/// case changed. A host with a durable client in its services does it at once; the Functions app, whose
/// worker hands a client only to functions that bind it, does it through a storage queue.
/// </summary>
public interface IWorkflowDispatcher
{
    Task StartServiceAsync(ServiceRef service, CancellationToken ct = default);

    Task SignalCaseAsync(string caseId, int version, string action, CancellationToken ct = default);
}
