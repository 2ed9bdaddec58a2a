using ECourt.Domain.Calendar;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>Public notice's 30 days have ended (by court time): the service is complete.</summary>
public sealed class ElapsePublicNotice(ServiceRecords records, DeadlineCalculator deadlines, TimeProvider clock)
{
    public async Task<ServiceState> RunAsync(ServiceRef input, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var change = await records.UpdateAsync(input.CaseId, input.ServiceId,
            r => r.Status == ServiceStatus.PublicNoticePosted && r.PublicNoticeLastPosted is { } posted
                && PublicNotice.DeemedServed(deadlines, posted).EndsAt is var end
                && now >= end
                ? r.PublicNoticeElapsed(end)
                : null, ct);
        return records.StateOf(change.After.Value);
    }
}
