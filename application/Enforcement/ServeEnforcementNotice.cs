using ECourt.Application.Cases;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Enforcement;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.Enforcement;

/// <summary>
/// The notice of enforcement and the order to report assets, served on every debtor like any court document within 10 days of the
/// application (SPC Interpretation art. 480): written once, each debtor's service started by its own workflow, then the case records
/// it was sent. The lifecycle keeps it at once from the case's opening, so it goes out without anyone's act, and again after a crash.
/// </summary>
public sealed class ServeEnforcementNotice(ICaseStore store, ServeCourtDocument serve) : IDeadlineHandler
{
    public IReadOnlyList<string> Kinds => [EnforcementStage.Notice];

    public async Task KeepAsync(string caseId, string kind, CancellationToken ct)
    {
        var stored = await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId);
        var c = stored.Case;
        if (c.Enforcement is not { NoticeSentAt: null } || c.Status.IsFinal()) return;
        await serve.RunAsync(stored, new ServeCourtDocument.Notice(EnforcementNoticeDocument.IdFor(caseId), DocumentKind.EnforcementNotice,
                ServedDocumentKind.EnforcementNotice, EnforcementNoticeDocument.FileName, EnforcementNoticeDocument.ContentType,
                EnforcementNoticeDocument.Render, EnforcementNoticeDocument.Recipients),
            (x, now, served) => x.Enforcement is { NoticeSentAt: null } e
                ? CaseChange.Of(x.Record("EnforcementNoticeSent", Actor.System, now,
                    $"The notice of enforcement and the order to report assets sent to part{(served.Count > 1 ? "ies" : "y")} "
                    + string.Join(", ", served), y => y.WithEnforcement(e with { NoticeSentAt = now })))
                : null, ct);
    }
}

/// <summary>The notice served on a debtor: its 10 days to report assets run from it; the case file shows the service.</summary>
public sealed class EnforcementNoticeServed : IServedDocumentEffect
{
    public ServedDocumentKind Kind => ServedDocumentKind.EnforcementNotice;

    public CaseChange? Apply(CourtCase c, ServiceRecord served) => null;
}
