using ECourt.Application.Cases;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// Service of process's deadlines, as of court time: a registered case's service starts at once (its complaint copies
/// then keep their dispatch deadline in their own workflows); with the fee settled and every defendant served the case
/// moves to the answer and evidence stage.
/// </summary>
public sealed class ServiceOfProcessDeadlines(StartServiceOfProcess start, CaseChanges changes, TimeProvider clock) : IDeadlineHandler
{
    public IReadOnlyList<string> Kinds => [ServiceOfProcessStage.DispatchDeadline, ServiceOfProcessStage.EvidenceExchange];

    public async Task KeepAsync(string caseId, string kind, CancellationToken ct)
    {
        if (kind == ServiceOfProcessStage.DispatchDeadline) await start.RunAsync(caseId, ct);
        else await changes.ApplyAsync(caseId, c => CaseChange.Of(ComplaintService.BeginIfReady(c, clock.GetUtcNow())), ct);
    }
}
