using ECourt.Domain.Cases;

namespace ECourt.Domain.TrialLimit;

/// <summary>
/// The trial time limit in the case's snapshot (the part "trialLimit"): the days the president added, the periods excluded by
/// Interpretation art. 243 once they ended (each once, by its key), an exclusion still running (a jurisdiction objection not yet
/// ruled on: the limit stands still), and which last day the judge was warned of and saw pass (each warning once per last day).
/// </summary>
public sealed record TrialLimitSummary(int ExtendedDays, IReadOnlyList<TrialLimitExclusion> Exclusions, TrialLimitSuspension? Suspension,
    DateOnly? WarnedFor, DateOnly? ReachedFor)
{
    public static TrialLimitSummary Empty { get; } = new(0, [], null, null, null);

    /// <summary>The days the exclusions cover, each day once where they overlap (two defendants' notices posted together).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int ExcludedDays
    {
        get
        {
            var days = 0;
            DateOnly? reached = null;
            foreach (var x in Exclusions.OrderBy(x => x.From))
            {
                var from = reached is { } r && r > x.From ? r : x.From;
                if (x.To > from) days += x.To.DayNumber - from.DayNumber;
                if (reached is null || x.To > reached) reached = x.To;
            }
            return days;
        }
    }
}

/// <summary>A period that did not count, from its first day up to (not including) <paramref name="To"/>, and why.</summary>
public sealed record TrialLimitExclusion(string Key, string Reason, DateOnly From, DateOnly To, string Basis);

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
