using ECourt.Domain.Access;
using ECourt.Domain.Cases;
using ECourt.Domain.Ports;
using ECourt.Functions.Http;
using ECourt.Functions.Lifecycle;
using ECourt.Orchestrations.Cases;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace ECourt.Functions.Cases;

/// <summary>
/// The steps every command on an existing case takes: load it for the caller (404 if not visible),
/// check the caller may act, honour If-Match; then commit the change and signal the case's orchestration;
/// answer with the case and its new ETag.
/// </summary>
public sealed class CaseCommands(CaseAccess access, CaseChanges changes, CaseSignals signals)
{
    public async Task<StoredCase> LoadAsync(HttpRequest req, string caseId, CourtUser caller, Action<CourtUser, CourtCase> mayAct)
    {
        var stored = await access.LoadAsync(caseId, caller, req.HttpContext.RequestAborted);
        mayAct(caller, stored.Case);
        CaseAccess.CheckIfMatch(req, stored);
        return stored;
    }

    /// <summary>Commits the change (re-deciding it on a concurrent change) and signals the orchestration.</summary>
    public async Task<StoredCase> ApplyAsync(HttpRequest req, DurableTaskClient client, StoredCase current, string action,
        Func<CourtCase, (CourtCase Case, CaseEvent Event)> change)
    {
        var ct = req.HttpContext.RequestAborted;
        var saved = await changes.ApplyOneAsync(current.Case.CaseId, current, c => change(c), ct);
        await signals.CaseChangedAsync(client, saved.Case, action, ct);
        return saved;
    }

    public static ApiResult Answer(StoredCase saved) => new ApiResult(CaseView.From(saved.Case)).WithHeader("ETag", saved.ETag);

    public static readonly Action<CourtUser, CourtCase> Party = CaseAccess.RequireParty;

    public static Action<CourtUser, CourtCase> Staff(string role) => (caller, c) => CaseAccess.RequireStaff(caller, c, role);
}
