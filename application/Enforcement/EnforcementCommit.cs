using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Cases;
using ECourt.Domain.Enforcement;
using Microsoft.Extensions.Logging;

namespace ECourt.Application.Enforcement;

/// <summary>
/// How an act in an enforcement case lands: decided on the case as read and committed with the requests it makes (its outbox rows),
/// the requests then sent, the lifecycle signalled. A send that fails leaves the requests in the outbox, which the lifecycle keeps at
/// once, so the act stands and the send is retried.
/// </summary>
public sealed class EnforcementCommit(CaseChanges changes, SendBankRequests send, CaseSignals signals, ILogger<EnforcementCommit> log)
{
    public async Task<StoredCase> RunAsync(CaseGrant grant, string action,
        Func<CourtCase, (CourtCase Case, CaseEvent Event, IReadOnlyList<BankRequest> Requests)> decide, CancellationToken ct)
    {
        var saved = await changes.ApplyAsync(grant.CaseId, c =>
        {
            var (changed, ev, requests) = decide(c);
            return CaseChange.Of(changed, [ev]).WithRequests(requests);
        }, ct, grant.Stored);
        try
        {
            saved = await send.RunAsync(saved, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Case {CaseId}: requests to banks stay in the outbox; the lifecycle sends them", grant.CaseId);
        }
        await signals.CaseChangedAsync(saved.Case, action, ct);
        return saved;
    }
}
