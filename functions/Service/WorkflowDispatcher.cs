using ECourt.Functions.Lifecycle;
using ECourt.Orchestrations.Service;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ECourt.Functions.Service;

/// <summary>
/// Starts service workflows and signals case orchestrations for activities. With a durable client in the
/// services (local host, tests) at once; in the Functions app by queue case-signals, which RelayCaseSignal
/// (a function that binds the client) reads.
/// </summary>
public sealed class WorkflowDispatcher(IServiceProvider services, CaseSignals signals, ILogger<WorkflowDispatcher> log) : IWorkflowDispatcher
{
    private DurableTaskClient? Client => services.GetService<DurableTaskClient>();

    public async Task StartServiceAsync(ServiceRef service, CancellationToken ct = default)
    {
        if (Client is { } client) await ServiceDispatch.StartWorkflowAsync(client, service, log, ct);
        else await signals.QueueAsync(new CaseSignals.QueuedSignal(service.CaseId, 0, "StartService", service.ServiceId), ct);
    }

    public async Task SignalCaseAsync(string caseId, int version, string action, CancellationToken ct = default)
    {
        var signal = new CaseSignals.QueuedSignal(caseId, version, action);
        if (Client is { } client) await signals.RaiseAsync(client, signal, ct);
        else await signals.QueueAsync(signal, ct);
    }
}
