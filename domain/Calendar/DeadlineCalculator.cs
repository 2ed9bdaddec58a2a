namespace ECourt.Domain.Calendar;

/// <summary>
/// Deadline arithmetic of CPL art. 85: the day the period starts is not counted; a period that
/// ends on a non-working day ends on the first working day after it; a period ends at 24:00
/// China time of its last day. Periods in months end on the corresponding day of the last month,
/// or that month's last day where it has no such day (Civil Code art. 202).
/// </summary>
public sealed class DeadlineCalculator(CourtCalendar calendar)
{
    public const string Basis = "CPL art. 85; Civil Code art. 202 (months)";
    public const int MaxPeriod = 3650;

    public CourtCalendar Calendar => calendar;

    public Deadline Compute(DateOnly start, int period, PeriodUnit unit)
    {
        if (period < 1 || period > MaxPeriod)
            throw new DomainRuleException("period-out-of-range", $"A period must be between 1 and {MaxPeriod}.", "period");

        bool provisional = false;
        DateOnly last;
        switch (unit)
        {
            case PeriodUnit.Days:
                last = calendar.NextWorkingDayOnOrAfter(start.AddDays(period), ref provisional);
                break;
            case PeriodUnit.Months:
                // DateOnly.AddMonths clamps to the month's last day, as art. 202 requires.
                last = calendar.NextWorkingDayOnOrAfter(start.AddMonths(period), ref provisional);
                break;
            case PeriodUnit.WorkingDays:
                last = start;
                for (var counted = 0; counted < period;)
                {
                    last = last.AddDays(1);
                    provisional |= !calendar.IsSettled(last);
                    if (calendar.IsWorkingDay(last)) counted++;
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(unit));
        }
        return new Deadline(start, period, unit, last, provisional, Basis);
    }

    /// <summary>The first working day after <paramref name="day"/>.</summary>
    public DateOnly NextWorkingDayAfter(DateOnly day, out bool provisional)
    {
        provisional = false;
        return calendar.NextWorkingDayOnOrAfter(day.AddDays(1), ref provisional);
    }
}
