using ECourt.Application.Cases;
using ECourt.Domain.Hearings;

namespace ECourt.Application.Hearings;

/// <summary>
/// The hearings stage's deadlines, as of court time: a hearing notice not yet sent for service (the request did not get that far)
/// is served on every party; a summons not served on every party by the end of the 4th day before its hearing in ordinary procedure
/// is flagged to the judge, once. A case that moved on is left as it is.
/// </summary>
public sealed class HearingDeadlines(CaseChanges changes, ServeHearingNotice serve, TimeProvider clock) : IDeadlineHandler
{
    public IReadOnlyList<string> Kinds => [HearingsStage.NoticeService, HearingsStage.SummonsService];

    public async Task KeepAsync(string caseId, string kind, CancellationToken ct)
    {
        if (kind == HearingsStage.NoticeService) await serve.RunAsync(caseId, ct);
        else await changes.ApplyAsync(caseId, c => CaseChange.Of(HearingRules.FlagServiceLate(c, clock.GetUtcNow())), ct);
    }
}
