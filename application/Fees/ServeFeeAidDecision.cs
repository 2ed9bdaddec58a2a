using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Cases;
using ECourt.Domain.Courts;
using ECourt.Domain.Documents;
using ECourt.Domain.Fees;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.Fees;

/// <summary>
/// A decision on fee aid is served on the applicant like any court document: its document is written once, its service on each
/// recipient started by its own workflow, then the case records it was sent. Every step is repeatable, so the judge's request and
/// the lifecycle (which keeps the decision's pending service after a crash) may both run it.
/// </summary>
public sealed class ServeFeeAidDecision(ICaseStore store, IssueCourtDocument issue, ServiceRecords records, CaseChanges changes,
    CourtDirectory courts, TimeProvider clock)
{
    public async Task<StoredCase> RunAsync(string caseId, CancellationToken ct = default) =>
        await RunAsync(await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId), ct);

    /// <summary>From the case as the caller has it (the judge's request: the decision it committed), without a read of its own.</summary>
    public async Task<StoredCase> RunAsync(StoredCase stored, CancellationToken ct = default)
    {
        var (c, caseId) = (stored.Case, stored.Case.CaseId);
        if (c.FeeAid?.Decision is not { ToSend: true } || c.Status.IsFinal()) return stored;
        var now = clock.GetUtcNow();
        var courtName = courts.TryGet(c.Court, out var court) ? court.Name : c.Court;
        var issued = await issue.RunAsync(stored, FeeAidDecisionDocument.IdFor(caseId), DocumentKind.FeeAidDecision,
            FeeAidDecisionDocument.FileName, FeeAidDecisionDocument.ContentType, () => FeeAidDecisionDocument.Render(c, courtName), now,
            ct);
        var recipients = FeeAidDecisionDocument.Recipients(c);
        foreach (var party in recipients)
            await records.StartAsync(c, issued.Document, ServedDocumentKind.FeeAidDecision, party, now, null, ct);
        return await changes.ApplyAsync(caseId,
            x => CaseChange.Of(FeeCollection.DecisionSentForService(x, now, recipients.Select(p => p.PartyNumber).ToList())), ct,
            issued.Case);
    }
}
