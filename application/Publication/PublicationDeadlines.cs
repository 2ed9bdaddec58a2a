using ECourt.Application.Cases;
using ECourt.Domain.Calendar;
using ECourt.Domain.Publication;

namespace ECourt.Application.Publication;

/// <summary>
/// The publication stage's deadlines, as of court time: the draft made once the judgment takes effect; a version approved or withdrawn
/// released to the public; not approved by the end of the 5th day, escalated; not published within 7 working days, flagged late.
/// </summary>
public sealed class PublicationDeadlines(MakePublicationDraft draft, ReleasePublication release, CaseChanges changes,
    DeadlineCalculator deadlines, TimeProvider clock) : IDeadlineHandler
{
    public IReadOnlyList<string> Kinds => [PublicationStage.DraftDeadline, PublicationStage.ApprovalDeadline,
        PublicationStage.PublicationDeadline, PublicationStage.ReleaseDeadline];

    public async Task KeepAsync(string caseId, string kind, CancellationToken ct)
    {
        switch (kind)
        {
            case PublicationStage.DraftDeadline:
                await draft.RunAsync(caseId, ct);
                break;
            case PublicationStage.ReleaseDeadline:
                await release.RunAsync(caseId, ct);
                break;
            case PublicationStage.ApprovalDeadline:
                await changes.ApplyAsync(caseId, c => CaseChange.Of(PublicationRules.EscalateLate(c, clock.GetUtcNow(), deadlines)), ct);
                break;
            default:
                await changes.ApplyAsync(caseId, c => CaseChange.Of(PublicationRules.FlagOverdue(c, clock.GetUtcNow(), deadlines)), ct);
                break;
        }
    }
}
