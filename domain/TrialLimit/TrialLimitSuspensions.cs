using ECourt.Domain.Cases;

namespace ECourt.Domain.TrialLimit;

/// <summary>
/// Periods that do not count towards the trial time limit (CPL Interpretation art. 243: public notice, appraisal, settlement, a
/// jurisdiction objection): while one runs the limit stands still; the days it ran are added to the limit when it ends.
/// </summary>
public static class TrialLimitSuspensions
{
    /// <summary>
    /// A period that ended and does not count (public notice from its posting to the day service is deemed made), once per
    /// <paramref name="key"/>: a repeat changes nothing. It counts from registration whatever the status, so it is kept even before
    /// the limit is.
    /// </summary>
    public static CourtCase Exclude(CourtCase c, string key, DateOnly from, DateOnly to, string reason, string basis)
    {
        var summary = c.TrialLimit ?? TrialLimitSummary.Empty;
        if (to <= from || summary.Exclusions.Any(x => x.Key == key)) return c;
        var exclusion = new TrialLimitExclusion(key, reason, from, to, basis);
        return c.WithTrialLimit(summary with { Exclusions = [.. summary.Exclusions, exclusion] });
    }

    /// <summary>The limit stands still from <paramref name="since"/>; one already standing still keeps its earlier start.</summary>
    public static CourtCase Suspend(CourtCase c, DateOnly since, string reason, string basis)
    {
        if (!TrialTimeLimit.Runs(c)) return c;
        var summary = c.TrialLimit ?? TrialLimitSummary.Empty;
        if (summary.Suspension is not null) return c;
        return c.WithTrialLimit(summary with { Suspension = new TrialLimitSuspension(reason, since, basis) });
    }
}
