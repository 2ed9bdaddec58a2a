using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.TrialLimit;

/// <summary>
/// The trial time limit (审理期限) of a first-instance civil case, from registration (立案): ordinary procedure 6 months (CPL
/// art. 152), simplified 3 (art. 164), small claims 2 (art. 169); the president may extend it by at most 6, 1 and 1 months. Periods
/// of public notice, appraisal, settlement and a jurisdiction objection do not count (CPL Interpretation art. 243). It is counted
/// as a period in months (Civil Code art. 202) with the days excluded and extended added, on the court calendar (CPL art. 85).
/// </summary>
public static class TrialTimeLimit
{
    public const string Basis = "CPL arts. 152, 164, 169; CPL Interpretation art. 243: the trial time limit from registration";

    /// <summary>The judge is warned when this share of the limit has run (a court's management rule: four fifths).</summary>
    public const int WarningNumerator = 4;

    public const int WarningDenominator = 5;

    public static int Months(Procedure procedure) => procedure switch
    {
        Procedure.Ordinary => 6,
        Procedure.Simplified => 3,
        Procedure.SmallClaims => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(procedure)),
    };

    /// <summary>What the president may add in all: 6 months in ordinary procedure (art. 152), 1 otherwise (arts. 164, 169).</summary>
    public static int ExtensionMonths(Procedure procedure) => procedure == Procedure.Ordinary ? 6 : 1;

    /// <summary>
    /// The statuses in which the limit is kept: from acceptance (the fee settled) until the judgment, a later stage ending it there.
    /// It counts from registration all the same; while the fee is unpaid the case may yet be withdrawn, and the fee stage keeps its
    /// own deadlines.
    /// </summary>
    public static IReadOnlySet<CaseStatus> Running { get; } = new HashSet<CaseStatus>
    {
        CaseStatus.Accepted, CaseStatus.EvidenceExchange, CaseStatus.HearingScheduled, CaseStatus.Heard,
    };

    public static bool Runs(CourtCase c) => c.RegisteredAt is not null && Running.Contains(c.Status);

    /// <summary>The day the limit runs from: the day of registration, not itself counted (CPL art. 85).</summary>
    public static DateOnly RegisteredOn(CourtCase c) =>
        ChinaTime.DateOf(c.RegisteredAt ?? throw new InvalidOperationException("The case is not registered."));

    /// <summary>
    /// The most days the president may grant in all: from the limit's corresponding day to the corresponding day of the limit and
    /// the extension's months together, both counted from registration (Civil Code art. 202).
    /// </summary>
    public static int MaxExtensionDays(DateOnly registeredOn, Procedure procedure) =>
        registeredOn.AddMonths(Months(procedure) + ExtensionMonths(procedure)).DayNumber
        - registeredOn.AddMonths(Months(procedure)).DayNumber;

    /// <summary>
    /// The limit's last day: the corresponding day <see cref="Months"/> months after registration (Civil Code art. 202), then the
    /// days excluded and extended, moved off a non-working day (CPL art. 85).
    /// </summary>
    public static Deadline Limit(DateOnly registeredOn, Procedure procedure, int addedDays, DeadlineCalculator deadlines)
    {
        var days = registeredOn.AddMonths(Months(procedure)).DayNumber - registeredOn.DayNumber + addedDays;
        return deadlines.Compute(registeredOn, days, PeriodUnit.Days);
    }

    /// <summary>The limit's last day and what the case holds of it, while it counts (kept, and not standing still); else null.</summary>
    public static (Deadline Limit, TrialLimitSummary Summary)? Counting(CourtCase c, DeadlineCalculator deadlines) =>
        Runs(c) && c.TrialLimit?.Suspension is null ? (Limit(c, deadlines), c.TrialLimit ?? TrialLimitSummary.Empty) : null;

    public static Deadline Limit(CourtCase c, DeadlineCalculator deadlines)
    {
        var summary = c.TrialLimit ?? TrialLimitSummary.Empty;
        return Limit(RegisteredOn(c), c.Procedure, summary.ExtendedDays + summary.ExcludedDays, deadlines);
    }

    /// <summary>The day four fifths of the limit have run (rounded up to a whole day): the judge is warned from its start.</summary>
    public static DateOnly WarningDay(Deadline limit)
    {
        var span = limit.LastDay.DayNumber - limit.Start.DayNumber;
        return limit.Start.AddDays((WarningNumerator * span + WarningDenominator - 1) / WarningDenominator);
    }
}
