using ECourt.Domain.Calendar;
using ECourt.Domain.Service;

namespace ECourt.Orchestrations.Service;

/// <summary>Reads the service's record and what it means for the workflow's next step.</summary>
public sealed class GetServiceState(ServiceRecords records) : ICaseActivity<ServiceRef, ServiceState>
{
    public async Task<ServiceState> RunAsync(ServiceRef input, CancellationToken ct = default) =>
        records.StateOf((await records.GetAsync(input.CaseId, input.ServiceId, ct)).Record);
}

/// <summary>Moves the service to its next step, unless it already moved or was served meanwhile.</summary>
public sealed class AdvanceService(ServiceRecords records, TimeProvider clock) : ICaseActivity<AdvanceInput, ServiceState>
{
    public async Task<ServiceState> RunAsync(AdvanceInput input, CancellationToken ct = default)
    {
        var change = await records.UpdateAsync(input.CaseId, input.ServiceId,
            r => r.CurrentStep == input.Step && r.Status == ServiceStatus.InProgress ? r.Advance(clock.GetUtcNow(), input.Reason) : null, ct);
        return records.StateOf(change.After.Record);
    }
}

/// <summary>Public notice's 30 days have ended: the service is complete.</summary>
public sealed class ElapsePublicNotice(ServiceRecords records, DeadlineCalculator deadlines) : ICaseActivity<ServiceRef, ServiceState>
{
    public async Task<ServiceState> RunAsync(ServiceRef input, CancellationToken ct = default)
    {
        var change = await records.UpdateAsync(input.CaseId, input.ServiceId,
            r => r.Status == ServiceStatus.PublicNoticePosted && r.PublicNoticeLastPosted is { } posted
                ? r.PublicNoticeElapsed(PublicNotice.DeemedServed(deadlines, posted).EndsAt)
                : null, ct);
        return records.StateOf(change.After.Record);
    }
}

/// <summary>
/// The route ran out and public notice is not open to the party: flag the case for the clerk. The case's event comes
/// first and the record's mark after it, so a crash between them flags the clerk twice rather than never.
/// </summary>
public sealed class FlagRouteExhausted(ServiceRecords records, Cases.CaseChanges changes, TimeProvider clock) : ICaseActivity<ServiceRef, ServiceState>
{
    public async Task<ServiceState> RunAsync(ServiceRef input, CancellationToken ct = default)
    {
        var record = (await records.GetAsync(input.CaseId, input.ServiceId, ct)).Record;
        if (!records.StateOf(record).ClerkToFlag) return records.StateOf(record);
        await changes.ApplyAsync(input.CaseId, c => ExhaustedRoute.FlagClerk(c, record, clock.GetUtcNow()), ct);
        var change = await records.UpdateAsync(input.CaseId, input.ServiceId, r => r.ClerkFlagged ? null : r with { ClerkFlagged = true }, ct);
        return records.StateOf(change.After.Record);
    }
}

/// <summary>The 5-day dispatch deadline of a complaint copy passed and the clerk has not mailed it: flag the case for the clerk, once.</summary>
public sealed class FlagDispatchOverdue(ServiceRecords records, Cases.CaseChanges changes, TimeProvider clock) : ICaseActivity<ServiceRef, ServiceState>
{
    public async Task<ServiceState> RunAsync(ServiceRef input, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var record = (await records.GetAsync(input.CaseId, input.ServiceId, ct)).Record;
        if (!records.StateOf(record).DispatchDue || now < record.DispatchBy) return records.StateOf(record);
        await changes.ApplyAsync(input.CaseId, c => ComplaintService.FlagDispatchOverdue(c, now, [record.PartyNumber]), ct);
        var change = await records.UpdateAsync(input.CaseId, input.ServiceId, r => r.DispatchOverdueFlagged ? null : r with { DispatchOverdueFlagged = true }, ct);
        return records.StateOf(change.After.Record);
    }
}
