using ECourt.Application.Cases;
using ECourt.Domain.Enforcement;

namespace ECourt.Application.Enforcement;

/// <summary>
/// Sends the case's requests still in its outbox to their banks, then takes them off the list. A request sent again after a crash
/// carries the same message id, which the bank (and the topic's duplicate detection) takes as the same request. The act that made
/// them sends at once; the lifecycle keeps the outbox while anything is in it, so a failure here is retried, never dropped.
/// </summary>
public sealed class SendBankRequests(ICaseStore store, CaseChanges changes, IBankRequestSender sender, TimeProvider clock)
    : IDeadlineHandler
{
    public IReadOnlyList<string> Kinds => [EnforcementStage.BankRequests];

    public async Task KeepAsync(string caseId, string kind, CancellationToken ct) =>
        await RunAsync(await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId), ct);

    public async Task<StoredCase> RunAsync(StoredCase stored, CancellationToken ct)
    {
        if (stored.Case.Enforcement is not { Unsent.Count: > 0 } e) return stored;
        var caseId = stored.Case.CaseId;
        foreach (var id in e.Unsent)
        {
            var request = await store.GetRowAsync(caseId, EnforcementRows.Requests, id, ct)
                ?? throw new InvalidOperationException($"Case {caseId} lists request {id} to send without its row.");
            await sender.SendAsync(request.Value, ct);
        }
        return await changes.ApplyAsync(caseId, x => CaseChange.Of(EnforcementMeasures.Sent(x, e.Unsent, clock.GetUtcNow())), ct, stored);
    }
}
