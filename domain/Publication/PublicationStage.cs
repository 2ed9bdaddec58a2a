using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Judgments;

namespace ECourt.Domain.Publication;

/// <summary>
/// The publication stage: the effective judgment's anonymised draft, its preparation and approval, release and withdrawal
/// (<see cref="PublicationRules"/>). Its acts leave the case effective. Its deadlines: the draft to make once the judgment takes
/// effect and each approved or withdrawn version to release to the public (kept at once: the lifecycle finishes them after a crash);
/// approval by the end of the 5th day after effect (kept then: escalated) and publication within 7 working days (kept then: late).
/// </summary>
public sealed class PublicationStage : ICaseModule
{
    public const string DraftDeadline = "publication-draft";

    public const string ApprovalDeadline = "publication-approval";

    public const string PublicationDeadline = "publication";

    public const string ReleaseDeadline = "publication-release";

    public string Name => "Publication";

    public IEnumerable<CaseAction> Actions => [];

    public IEnumerable<CasePart> Parts => [PublicationParts.Summary];

    public IEnumerable<string> KeptDeadlineKinds => [DraftDeadline, ApprovalDeadline, PublicationDeadline, ReleaseDeadline];

    /// <summary>The days are counted from the effective day whenever asked, on the calendar as it stands.</summary>
    public CourtCase Recompute(CourtCase c, DeadlineReckoning reckoning) => c;

    public IEnumerable<PendingDeadline> Pending(CourtCase c, DateTimeOffset now, DeadlineCalculator deadlines)
    {
        if (PublicationRules.DraftDue(c))
        {
            var day = c.Judgment!.EffectiveOn!.Value;
            yield return new PendingDeadline(DraftDeadline, day, ChinaTime.EndOfDay(day), false,
                $"{PublicationRules.PublicationBasis}: the anonymised draft is made when the judgment takes effect",
                    ChinaTime.EndOfDay(day.AddDays(-1)));
            yield break;
        }
        if (c.Publication is not { } p) yield break;
        if (p.ReleasedVersion < p.Version)
        {
            var day = ChinaTime.DateOf(p.WithdrawnAt ?? p.PublishedAt!.Value);
            yield return new PendingDeadline(ReleaseDeadline, day, ChinaTime.EndOfDay(day), false,
                $"{PublicationRules.PublicationBasis}: version {p.Version} goes to the public site and its search",
                p.WithdrawnAt ?? p.PublishedAt);
        }
        if (!p.Open) yield break;
        if (p.EscalatedAt is null)
            yield return PendingDeadline.Kept(ApprovalDeadline, PublicationRules.PreparationDeadline(p.EffectiveOn, deadlines),
                $"{PublicationRules.PreparationBasis}; escalated when not approved by then");
        if (p.OverdueFlaggedAt is null)
            yield return PendingDeadline.Kept(PublicationDeadline, PublicationRules.PublicationDeadline(p.EffectiveOn, deadlines),
                PublicationRules.PublicationBasis);
    }
}
