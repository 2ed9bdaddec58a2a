using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Hearings;

/// <summary>
/// The hearings stage: scheduling, summonses, postponement and cancellation, the record of a hearing held. Its deadlines: a
/// hearing notice (a summons or a cancellation) to serve on every party, kept at once when it is issued (the request serves it; the
/// lifecycle finishes it after a crash); and in ordinary procedure the summons served on every party by the end of the 4th day
/// before the hearing, kept then: still unserved, the judge is flagged (CPL art. 139).
/// </summary>
public sealed class HearingsStage : ICaseModule
{
    public const string NoticeService = "hearing-notice-service";

    public const string SummonsService = "summons-service";

    public string Name => "Hearings";

    public IEnumerable<CaseAction> Actions => HearingActions.All;

    public IEnumerable<CasePart> Parts => [HearingParts.Summary];

    public IEnumerable<string> KeptDeadlineKinds => [NoticeService, SummonsService];

    /// <summary>Nothing to count again: the notice's minimum is in whole days whatever the calendar says.</summary>
    public CourtCase Recompute(CourtCase c, DeadlineReckoning reckoning) => c;

    public IEnumerable<PendingDeadline> Pending(CourtCase c, DateTimeOffset now, DeadlineCalculator deadlines)
    {
        if (c.Hearings is not { } summary) yield break;
        foreach (var h in summary.Hearings)
        {
            foreach (var n in h.Notices.Where(n => n.SentAt is null))
            {
                var day = ChinaTime.DateOf(n.IssuedAt);
                yield return new PendingDeadline(NoticeService, day, ChinaTime.EndOfDay(day), false,
                    $"CPL art. 139: the {HearingRules.Title(n.Kind)} of hearing {h.HearingId} is served on every party", n.IssuedAt);
            }
            if (HearingRules.SummonsServiceOutstanding(c, h))
            {
                var last = HearingRules.LastServiceDay(h.StartsAt);
                yield return new PendingDeadline(SummonsService, last, ChinaTime.EndOfDay(last), false,
                    HearingRules.NoticeBasis + $" (hearing {h.HearingId}): the judge is flagged if it is not served by then",
                    ChinaTime.EndOfDay(last));
            }
        }
    }
}
