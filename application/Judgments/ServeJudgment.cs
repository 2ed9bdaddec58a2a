using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Judgments;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.Judgments;

/// <summary>
/// The signed judgment served on every party like any court document (CPL art. 151): the document the judge uploaded, its service on
/// each party started by its own workflow, then the case records it was sent. Every step is repeatable, so the request that issued
/// it and the lifecycle (which keeps a judgment not yet sent after a crash) may both run it.
/// </summary>
public sealed class ServeJudgment(ICaseStore store, ServiceRecords records, CaseChanges changes, TimeProvider clock)
{
    public async Task<StoredCase> RunAsync(string caseId, CancellationToken ct = default) =>
        await RunAsync(await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId), ct);

    public async Task<StoredCase> RunAsync(StoredCase stored, CancellationToken ct = default)
    {
        var c = stored.Case;
        if (c.Judgment is not { SentAt: null } j || c.Status != CaseStatus.JudgmentIssued) return stored;
        var document = (await store.GetRowAsync(c.CaseId, DocumentRows.Documents, j.DocumentId, ct))?.Value
            ?? throw new InvalidOperationException($"Case {c.CaseId} lists judgment document {j.DocumentId} without its row.");
        var now = clock.GetUtcNow();
        foreach (var party in c.Parties.Where(p => j.Recipients.Contains(p.PartyNumber)))
            await records.StartAsync(c, document, ServedDocumentKind.Judgment, party, now, null, ct);
        return await changes.ApplyAsync(c.CaseId, x => CaseChange.Of(JudgmentRules.Sent(x, now)), ct, stored);
    }
}

/// <summary>The judgment served on a party: its appeal period runs; what cannot be appealed takes effect once everyone is served.</summary>
public sealed class JudgmentServedEffect(DeadlineCalculator deadlines) : IServedDocumentEffect
{
    public ServedDocumentKind Kind => ServedDocumentKind.Judgment;

    public CaseChange? Apply(CourtCase c, ServiceRecord served) =>
        CaseChange.Of(JudgmentRules.Served(c, served.DocumentId, served.PartyNumber, served.ServedAt!.Value, deadlines));
}
