using ECourt.Application.Cases;
using ECourt.Domain.Evidence;

namespace ECourt.Application.Evidence;

/// <summary>
/// The evidence stage's deadlines, as of court time: a notice of the burden and period of proof not yet sent for service (the judge's
/// request did not get that far) is served on every party; at the end of the period of proof the end is recorded, and evidence from
/// then on is late. A case that moved on, or a period extended meanwhile, is left as it is.
/// </summary>
public sealed class EvidenceDeadlines(CaseChanges changes, ServeEvidenceNotice serve, TimeProvider clock) : IDeadlineHandler
{
    public IReadOnlyList<string> Kinds => [EvidenceStage.PeriodDeadline, EvidenceStage.NoticeService];

    public async Task KeepAsync(string caseId, string kind, CancellationToken ct)
    {
        if (kind == EvidenceStage.NoticeService) await serve.RunAsync(caseId, ct);
        else await changes.ApplyAsync(caseId, c => CaseChange.Of(EvidencePeriods.End(c, clock.GetUtcNow())), ct);
    }
}
