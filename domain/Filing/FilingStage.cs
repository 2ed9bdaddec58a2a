using ECourt.Domain.Cases;

namespace ECourt.Domain.Filing;

/// <summary>
/// The filing stage: draft, submission, review, correction, registration. Its deadlines: the 7 days to decide a filing
/// (undecided → registered first) and the deadline to cure a correction notice's defects (not cured → returned).
/// </summary>
public sealed class FilingStage : ICaseModule
{
    public const string ReviewDeadline = "filing-review";
    public const string CureDeadline = "correction-cure";

    public string Name => "Filing";

    public IEnumerable<CaseAction> Actions => FilingActions.All;

    public IEnumerable<CasePart> Parts => [FilingParts.Review];

    public IEnumerable<string> KeptDeadlineKinds => [ReviewDeadline, CureDeadline];

    public IEnumerable<PendingDeadline> Pending(CourtCase c, DateTimeOffset now, Calendar.DeadlineCalculator deadlines)
    {
        if (c.Status == CaseStatus.Submitted && c.Review is { } review)
            yield return PendingDeadline.Kept(ReviewDeadline, review.Deadline, "CPL art. 126: decide within 7 days");
        if (c.Status == CaseStatus.CorrectionRequested && c.Review?.Correction is { } notice)
            yield return PendingDeadline.Kept(CureDeadline, notice.CureDeadline,
                "SPC Provisions on Case Filing Registration (2015): cure the listed defects");
    }

    /// <summary>The review and cure deadlines while they run.</summary>
    public CourtCase Recompute(CourtCase c, Calendar.DeadlineReckoning reckoning) => c switch
    {
        { Status: CaseStatus.Submitted, Review: { } review } => c.With(review with { Deadline = reckoning.Again(ReviewDeadline, review.Deadline) }),
        { Status: CaseStatus.CorrectionRequested, Review: { Correction: { } notice } review } =>
            c.With(review with { Correction = notice with { CureDeadline = reckoning.Again(CureDeadline, notice.CureDeadline) } }),
        _ => c,
    };
}
