using ECourt.Domain.Cases;

namespace ECourt.Domain.TrialLimit;

/// <summary>
/// Periods that do not count towards the trial time limit (CPL Interpretation art. 243: public notice, appraisal, settlement, a
/// jurisdiction objection): while one runs the limit stands still; the days it ran are added to the limit when it ends.
/// </summary>
public static class TrialLimitSuspensions
{
    /// <summary>The limit stands still from <paramref name="since"/>; one already standing still keeps its earlier start.</summary>
    public static CourtCase Suspend(CourtCase c, DateOnly since, string reason, string basis)
    {
        if (!TrialTimeLimit.Runs(c)) return c;
        var summary = c.TrialLimit ?? TrialLimitSummary.Empty;
        if (summary.Suspension is not null) return c;
        return c.WithTrialLimit(summary with { Suspension = new TrialLimitSuspension(reason, since, basis) });
    }
}
