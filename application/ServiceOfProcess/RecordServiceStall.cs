using ECourt.Application.Cases;
using Microsoft.Extensions.Logging;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// The service workflow records that its round failed (after the activity's own retries), so the operators' list shows
/// it beside the case lifecycles' stalls; a round that succeeds again clears it.
/// </summary>
public sealed class RecordServiceStall(ICaseStore store, ILifecycleStalls stalls, TimeProvider clock, ILogger<RecordServiceStall> log)
{
    public async Task<LifecycleStall> RunAsync(ServiceStallInput input, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var error = RecordLifecycleStall.Shortened(input.Error);
        var earlier = await stalls.GetAsync(input.CaseId, input.ServiceId, ct);
        var court = await RecordLifecycleStall.CourtOfAsync(store, input.CaseId, earlier?.Court, ct);
        var stall = new LifecycleStall(input.CaseId, court, earlier?.Since ?? now, input.Failures, error, now, input.ServiceId);
        await stalls.NoteAsync(stall, ct);
        log.LogWarning("Service {ServiceId} of case {CaseId}: its workflow stalled since {Since} ({Failures} rounds failed): {Error}",
            input.ServiceId, input.CaseId, stall.Since, input.Failures, error);
        return stall;
    }
}

/// <summary>A round of the service workflow succeeded after a stall: the operators' list no longer shows it.</summary>
public sealed class ClearServiceStall(ILifecycleStalls stalls)
{
    public async Task<bool> RunAsync(ServiceRef service, CancellationToken ct = default)
    {
        await stalls.ClearAsync(service.CaseId, service.ServiceId, ct);
        return true;
    }
}

/// <summary>The service workflow's round failed after its retries: record it (the first failure keeps its time).</summary>
public sealed record ServiceStallInput(string CaseId, string ServiceId, int Failures, string? Error);
