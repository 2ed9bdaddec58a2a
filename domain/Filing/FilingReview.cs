using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Filing;

/// <summary>
/// Filing review (CPL art. 126; SPC Provisions on Case Filing Registration, 2015): decide within
/// 7 days of submission; one notice listing every defect, after which the 7 days start again when
/// the corrections arrive; not corrected in time → returned; refusal → a ruling with reasons;
/// undecided at the deadline → registered first.
/// </summary>
public sealed class FilingReview(DeadlineCalculator deadlines)
{
    /// <summary>Decide on a filing within 7 days of submission (CPL art. 126): statutory, not configurable.</summary>
    public const int FilingReviewDays = 7;

    public (CourtCase Case, CaseEvent Event) Submit(CourtCase filing, Actor filer, DateTimeOffset at, bool hasComplaint)
    {
        CaseTransitions.Target(filing.Status, FilingActions.SubmitFiling);
        if (!hasComplaint)
            throw new DomainRuleException("complaint-required", "A filing is submitted with its complaint document (CPL art. 124); upload one with kind \"complaint\".", "documents");
        var deadline = ReviewDeadline(at);
        return filing.Transition(FilingActions.SubmitFiling, filer, at, $"Submitted for review; decision due by {deadline.LastDay:yyyy-MM-dd}",
            c => c.With(new Review(at, deadline, null, null, false)));
    }

    public (CourtCase Case, CaseEvent Event) RequestCorrection(CourtCase filing, Actor clerk, DateTimeOffset at, IReadOnlyList<string> defects, int cureDays)
    {
        if (defects.Count == 0)
            throw new DomainRuleException("defects-required", "A correction notice lists every defect in one notice.", "reasons");
        if (filing.Review?.Correction is not null)
            throw new DomainRuleException("one-correction-notice", "The defects of a filing are listed in one notice; a correction was already requested.", "decision");
        CaseTransitions.Target(filing.Status, FilingActions.RequestCorrection);
        var cure = deadlines.Compute(ChinaTime.DateOf(at), cureDays, PeriodUnit.Days);
        return filing.Transition(FilingActions.RequestCorrection, clerk, at, $"Defects: {string.Join("; ", defects)}. Cure by {cure.LastDay:yyyy-MM-dd}",
            c => c.With(c.Review! with { Correction = new CorrectionNotice(defects, at, clerk.UserId, cure) }));
    }

    public (CourtCase Case, CaseEvent Event) SubmitCorrections(CourtCase filing, Actor filer, DateTimeOffset at, Func<CourtCase, CourtCase> corrections)
    {
        CaseTransitions.Target(filing.Status, FilingActions.SubmitCorrections);
        if (filing.Review?.Correction is { } notice && at >= notice.CureDeadline.EndsAt)
            throw new DomainRuleException("cure-deadline-passed", $"The deadline to cure the defects ended at {notice.CureDeadline.EndsAt:yyyy-MM-dd HH:mm zzz}.");
        var deadline = ReviewDeadline(at);
        return filing.Transition(FilingActions.SubmitCorrections, filer, at, $"Corrections received; the 7-day review period starts again, decision due by {deadline.LastDay:yyyy-MM-dd}",
            c => corrections(c).With(c.Review! with { PeriodStartedAt = at, Deadline = deadline }));
    }

    public (CourtCase Case, CaseEvent Event) Reject(CourtCase filing, Actor clerk, DateTimeOffset at, IReadOnlyList<string> reasons)
    {
        if (reasons.Count == 0)
            throw new DomainRuleException("reasons-required", "A ruling of non-acceptance states its reasons (CPL art. 126).", "reasons");
        return filing.Transition(FilingActions.RejectFiling, clerk, at, $"Ruling of non-acceptance: {string.Join("; ", reasons)}",
            c => c.With(c.Review! with { RejectionReasons = reasons }));
    }

    /// <summary>Called when the cure deadline has passed: the filing is returned (not a ruling of rejection).</summary>
    public (CourtCase Case, CaseEvent Event)? ReturnIfUncured(CourtCase filing, DateTimeOffset now)
    {
        if (filing.Status != CaseStatus.CorrectionRequested || filing.Review?.Correction is not { } notice) return null;
        if (now < notice.CureDeadline.EndsAt) return null;
        return filing.Transition(FilingActions.ReturnUncorrectedFiling, Actor.System, now,
            $"Defects not corrected by {notice.CureDeadline.LastDay:yyyy-MM-dd}: the filing is returned");
    }

    /// <summary>True when the review period ended with no decision: the case must be registered first.</summary>
    public static bool IsUndecidedAtDeadline(CourtCase filing, DateTimeOffset now) =>
        filing.Status == CaseStatus.Submitted && filing.Review is { } review && now >= review.Deadline.EndsAt;

    public Deadline ReviewDeadline(DateTimeOffset from) =>
        deadlines.Compute(ChinaTime.DateOf(from), FilingReviewDays, PeriodUnit.Days);
}
