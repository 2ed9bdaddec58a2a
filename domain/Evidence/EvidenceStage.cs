using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Evidence;

/// <summary>
/// The evidence stage: the period of proof and its notice, the evidence chain, the exchange, cross-examination, late evidence and
/// extensions. Its deadlines: the notice of the burden and period of proof to serve on every party, kept at once when the judge
/// sets the period (the judge's request serves it; the lifecycle finishes it after a crash); and the end of the period, kept when
/// it ends (recorded; evidence after it is late).
/// </summary>
public sealed class EvidenceStage : ICaseModule
{
    public const string PeriodDeadline = "evidence-period";

    /// <summary>The notice of the burden and period of proof, to be made and served on every party: at once, as the period is
    /// set.</summary>
    public const string NoticeService = "evidence-notice-service";

    public const string PeriodBasis =
        "SPC Evidence Provisions art. 51; CPL Interpretation arts. 99, 266, 275: evidence submitted after the period is late "
        + "(arts. 101–102)";

    public string Name => "Evidence";

    public IEnumerable<CaseAction> Actions => EvidenceActions.All;

    public IEnumerable<CasePart> Parts => [EvidenceParts.Summary];

    public IEnumerable<string> KeptDeadlineKinds => [PeriodDeadline, NoticeService];

    /// <summary>A period still running, counted again from the day it runs from.</summary>
    public CourtCase Recompute(CourtCase c, DeadlineReckoning reckoning) =>
        c.Evidence is { Period: { EndedAt: null } period } summary
            ? c.WithEvidence(summary with { Period = period with { Deadline = reckoning.Again(PeriodDeadline, period.Deadline) } })
            : c;

    public IEnumerable<PendingDeadline> Pending(CourtCase c, DateTimeOffset now, DeadlineCalculator deadlines)
    {
        if (c.Evidence?.Period is not { } period) yield break;
        if (period.NoticeSentAt is null)
        {
            var day = ChinaTime.DateOf(period.SetAt);
            yield return new PendingDeadline(NoticeService, day, ChinaTime.EndOfDay(day), false,
                "SPC Evidence Provisions art. 50: the notice of the burden and period of proof is served on every party", period.SetAt);
        }
        if (!period.Ended) yield return PendingDeadline.Kept(PeriodDeadline, period.Deadline, PeriodBasis);
    }
}
