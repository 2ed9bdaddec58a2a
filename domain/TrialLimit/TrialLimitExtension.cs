using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.TrialLimit;

/// <summary>
/// Extending the trial time limit: the case's judge applies with reasons; the president approves (for the days asked or fewer) or
/// refuses with reasons (CPL arts. 152, 164, 169). What the president may add in all is bounded by the procedure; more in ordinary
/// procedure needs the higher people's court, which is outside this court's system.
/// </summary>
public static class TrialLimitExtension
{
    public const string ApplyForTrialLimitExtension = nameof(ApplyForTrialLimitExtension);

    public const string DecideTrialLimitExtension = nameof(DecideTrialLimitExtension);

    public const string Source = "CPL arts. 152, 164, 169: the president's approval";

    /// <summary>The days the president may still add.</summary>
    public static int Remaining(CourtCase c) =>
        TrialTimeLimit.MaxExtensionDays(TrialTimeLimit.RegisteredOn(c), c.Procedure) - (c.TrialLimit?.ExtendedDays ?? 0);

    public static (CourtCase Case, CaseEvent Event) Apply(CourtCase c, string extensionId, Actor judge, DateTimeOffset now, int days,
        IReadOnlyList<string> reasons, DeadlineCalculator deadlines)
    {
        CheckRunning(c);
        if (reasons.Count == 0)
            throw new DomainRuleException("reasons-required", "An application to extend the trial time limit gives its reasons.",
                "reasons");
        CheckWithinLaw(c, days);
        var limit = TrialTimeLimit.Limit(c, deadlines);
        return c.Record(ApplyForTrialLimitExtension, judge, now,
            $"Extension {extensionId} of the trial time limit (ending {limit.LastDay:yyyy-MM-dd}) by {days} days asked of the president "
            + $"({Source})",
            x => x);
    }

    /// <summary>The president's decision; granted, the limit's new last day.</summary>
    public static (CourtCase Case, CaseEvent Event, DateOnly? LastDay) Decide(CourtCase c, string extensionId, Actor president,
        DateTimeOffset now, bool grant, int days, IReadOnlyList<string> reasons, DeadlineCalculator deadlines)
    {
        CheckRunning(c);
        if (!grant)
        {
            if (reasons.Count == 0)
                throw new DomainRuleException("reasons-required", "A refusal gives its reasons.", "reasons");
            var (refused, ev) = c.Record(DecideTrialLimitExtension, president, now,
                $"Extension {extensionId} of the trial time limit refused by the president ({Source})", x => x);
            return (refused, ev, null);
        }
        CheckWithinLaw(c, days);
        var summary = c.TrialLimit ?? TrialLimitSummary.Empty;
        var extended = c.WithTrialLimit(summary with { ExtendedDays = summary.ExtendedDays + days });
        var limit = TrialTimeLimit.Limit(extended, deadlines);
        var (decided, granting) = c.Record(DecideTrialLimitExtension, president, now,
            $"Extension {extensionId} granted by the president: {days} days more; the trial time limit ends at the end of "
            + $"{limit.LastDay:yyyy-MM-dd} ({Source})",
            _ => extended);
        return (decided, granting, limit.LastDay);
    }

    private static void CheckRunning(CourtCase c)
    {
        if (!TrialTimeLimit.Runs(c))
            throw new DomainRuleException("trial-limit-not-running",
                $"The trial time limit runs from registration until the judgment; a case in {c.Status} has none to extend.");
        if (c.TrialLimit?.Suspension is { } s)
            throw new DomainRuleException("trial-limit-suspended",
                $"The trial time limit stands still since {s.Since:yyyy-MM-dd} ({s.Reason}; {s.Basis}): there is nothing to extend yet.");
    }

    private static void CheckWithinLaw(CourtCase c, int days)
    {
        var remaining = Remaining(c);
        if (days > remaining)
            throw new DomainRuleException("trial-limit-extension-beyond-law",
                $"The president may extend the trial time limit of a case in {c.Procedure} procedure by "
                + $"{TrialTimeLimit.ExtensionMonths(c.Procedure)} months in all; {remaining} days remain of that "
                + "(CPL arts. 152, 164, 169).",
                "days");
    }
}
