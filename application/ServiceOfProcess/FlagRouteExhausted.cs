using ECourt.Application.Cases;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// The route ran out and public notice is not open to the party: flag the case for the clerk. The case's event comes
/// first and the record's mark after it, so a crash between them flags the clerk twice rather than never.
/// </summary>
public sealed class FlagRouteExhausted(ServiceRecords records, CaseChanges changes, TimeProvider clock)
{
    public async Task<ServiceState> RunAsync(ServiceRef input, CancellationToken ct = default)
    {
        var record = (await records.GetAsync(input.CaseId, input.ServiceId, ct)).Value;
        if (!records.StateOf(record).ClerkToFlag) return records.StateOf(record);
        await changes.ApplyAsync(input.CaseId, c => CaseChange.Of(ExhaustedRoute.FlagClerk(c, record, clock.GetUtcNow())), ct);
        var change = await records.UpdateAsync(input.CaseId, input.ServiceId,
            r => r.ClerkFlagged ? null : r with { ClerkFlagged = true }, ct);
        return records.StateOf(change.After.Value);
    }
}
