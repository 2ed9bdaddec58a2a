using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Cases;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// After registration: every document a stage serves at registration (<see cref="IServedAtRegistration"/>) is served on its
/// recipients, each by its own workflow; then the case records that service of process started (and its 5-day dispatch
/// deadline). Every step is repeatable: documents, records and workflows exist once however often this runs.
/// </summary>
public sealed class StartServiceOfProcess(ICaseStore store, ServiceRecords records, CaseChanges changes,
    IEnumerable<IServedAtRegistration> served, ComplaintService complaint, IDurableMessaging messaging,
    TimeProvider clock)
{
    /// <summary>Registered and not started yet (and the case not ended).</summary>
    public static bool ToStart(CourtCase c) => c.CaseNumber is not null && c.ServiceOfProcess is null && !c.Status.IsFinal();

    public async Task<bool> RunAsync(string caseId, CancellationToken ct = default)
    {
        var stored = await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId);
        if (!ToStart(stored.Case)) return false;
        var now = clock.GetUtcNow();
        foreach (var stage in served)
        {
            foreach (var document in await stage.DocumentsAsync(stored, now, ct))
            {
                foreach (var party in document.Recipients)
                    await records.StartAsync(stored.Case, document.Document, document.Kind, party, now, document.DispatchBy, ct);
            }
            // A stage may have added its document to the case: go on from the case as it is now.
            stored = await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId);
        }
        var started = await changes.ApplyAsync(caseId, x => CaseChange.Of(complaint.Started(x, now)), ct, stored);
        await messaging.SendAsync(new CaseChanged(caseId, started.Case.Version, "StartServiceOfProcess"), ct);
        return true;
    }
}
