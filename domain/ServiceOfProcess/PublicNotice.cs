using ECourt.Domain.Calendar;

using ECourt.Domain.Cases;

namespace ECourt.Domain.ServiceOfProcess;

/// <summary>
/// Service by public notice (CPL art. 95; SPC CPL Interpretation arts. 138, 140): only when other means
/// failed, only by a judge's decision with reasons, never in simplified or small-claims procedure (the
/// judge converts the case to ordinary procedure first), deemed served when 30 days have passed since
/// the last posting.
/// </summary>
public static class PublicNotice
{
    public const int DeemedServedAfterDays = 30;

    /// <summary>Null when a judge may order it, else (rule, reason).</summary>
    public static (string Rule, string Reason)? Refusal(Procedure procedure, bool otherMeansFailed, string? reasons)
    {
        if (procedure is Procedure.Simplified or Procedure.SmallClaims)
            return ("public-notice-needs-ordinary-procedure",
                "Public notice is not used in simplified or small-claims procedure: convert the case to ordinary procedure first (SPC CPL Interpretation art. 140).");
        if (!otherMeansFailed)
            return ("public-notice-other-means-not-exhausted", "Public notice is used only when the recipient cannot be served by other means (CPL art. 95).");
        if (string.IsNullOrWhiteSpace(reasons))
            return ("public-notice-needs-reasons", "The decision to serve by public notice states its reasons.");
        return null;
    }

    /// <summary>The period of 30 days from the last posting, counted under CPL art. 85; service is complete when it ends.</summary>
    public static Deadline DeemedServed(DeadlineCalculator deadlines, DateOnly lastPosting) =>
        deadlines.Compute(lastPosting, DeemedServedAfterDays, PeriodUnit.Days);
}
