using ECourt.Domain.Cases;

namespace ECourt.Domain.TrialLimit;

/// <summary>
/// The trial time limit in the case's snapshot (the part "trialLimit"): the days the president added, the days excluded by
/// Interpretation art. 243, an exclusion still running (a jurisdiction objection not yet ruled on: the limit stands still), and
/// which last day the judge was warned of and saw pass (so each warning is given once per last day).
/// </summary>
public sealed record TrialLimitSummary(int ExtendedDays, int ExcludedDays, TrialLimitSuspension? Suspension, DateOnly? WarnedFor,
    DateOnly? ReachedFor)
{
    public static TrialLimitSummary Empty { get; } = new(0, 0, null, null, null);
}

/// <summary>A period that does not count, running since <paramref name="Since"/> (its last day is not known until it ends).</summary>
public sealed record TrialLimitSuspension(string Reason, DateOnly Since, string Basis);

public static class TrialLimitParts
{
    public static readonly CasePart Summary = CasePart.Of<TrialLimitSummary>("trialLimit");

    extension(CourtCase c)
    {
        /// <summary>The trial time limit's extensions, exclusions and warnings, once any was given.</summary>
        public TrialLimitSummary? TrialLimit => c.Part<TrialLimitSummary>();

        public CourtCase WithTrialLimit(TrialLimitSummary summary) => c.With(summary);
    }
}
