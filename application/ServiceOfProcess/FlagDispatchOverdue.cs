using ECourt.Application.Cases;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// The 5-day dispatch deadline of a complaint copy passed and the clerk has not mailed it: flag the case for the clerk, once.
/// </summary>
public sealed class FlagDispatchOverdue(ServiceRecords records, CaseChanges changes, TimeProvider clock)
{
    public async Task<ServiceState> RunAsync(ServiceRef input, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var record = (await records.GetAsync(input.CaseId, input.ServiceId, ct)).Value;
        if (!records.StateOf(record).DispatchDue || now < record.DispatchBy) return records.StateOf(record);
        await changes.ApplyAsync(input.CaseId, c => CaseChange.Of(ComplaintService.FlagDispatchOverdue(c, now, [record.PartyNumber])), ct);
        var change = await records.UpdateAsync(input.CaseId, input.ServiceId,
            r => r.DispatchOverdueFlagged ? null : r with { DispatchOverdueFlagged = true }, ct);
        return records.StateOf(change.After.Value);
    }
}
