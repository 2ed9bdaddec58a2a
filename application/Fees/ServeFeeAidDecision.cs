using ECourt.Application.Cases;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Fees;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.Fees;

/// <summary>
/// A decision on fee aid is served on the applicant like any court document: its document is written once, its service on each
/// recipient started by its own workflow, then the case records it was sent. Every step is repeatable, so the judge's request and
/// the lifecycle (which keeps the decision's pending service after a crash) may both run it.
/// </summary>
public sealed class ServeFeeAidDecision(ICaseStore store, ServeCourtDocument serve)
{
    public async Task<StoredCase> RunAsync(string caseId, CancellationToken ct = default) =>
        await RunAsync(await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId), ct);

    private static ServeCourtDocument.Notice Decision(string caseId) => new(FeeAidDecisionDocument.IdFor(caseId),
        DocumentKind.FeeAidDecision, ServedDocumentKind.FeeAidDecision, FeeAidDecisionDocument.FileName,
        FeeAidDecisionDocument.ContentType, FeeAidDecisionDocument.Render, FeeAidDecisionDocument.Recipients);

    /// <summary>From the case as the caller has it (the judge's request: the decision it committed), without a read of its own.</summary>
    public async Task<StoredCase> RunAsync(StoredCase stored, CancellationToken ct = default)
    {
        var c = stored.Case;
        if (c.FeeAid?.Decision is not { ToSend: true } || c.Status.IsFinal()) return stored;
        return await serve.RunAsync(stored, Decision(c.CaseId),
            (x, now, served) => CaseChange.Of(FeeCollection.DecisionSentForService(x, now, served)), ct);
    }
}
