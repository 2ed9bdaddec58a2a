using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>Moves the service to its next step, unless it already moved or was served meanwhile.</summary>
public sealed class AdvanceService(ServiceRecords records, TimeProvider clock)
{
    public async Task<ServiceState> RunAsync(AdvanceInput input, CancellationToken ct = default)
    {
        var change = await records.UpdateAsync(input.CaseId, input.ServiceId,
            r => r.CurrentStep == input.Step && r.Status == ServiceStatus.InProgress ? r.Advance(clock.GetUtcNow(), input.Reason) : null,
            ct);
        return records.StateOf(change.After.Value);
    }
}
