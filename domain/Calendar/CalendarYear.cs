namespace ECourt.Domain.Calendar;

/// <summary>
/// One year's arrangement of public holidays and adjusted working days, as published by the
/// State Council General Office. A court loads one per year.
/// </summary>
public sealed record CalendarYear(int Year, string Source, IReadOnlySet<DateOnly> Holidays, IReadOnlySet<DateOnly> AdjustedWorkingDays)
{
    public static CalendarYear Create(int year, string source, IEnumerable<(DateOnly From, DateOnly To)> holidays, IEnumerable<DateOnly> adjustedWorkingDays)
    {
        var days = new HashSet<DateOnly>();
        foreach (var (from, to) in holidays)
        {
            for (var d = from; d <= to; d = d.AddDays(1)) days.Add(d);
        }
        var working = adjustedWorkingDays.ToHashSet();
        if (days.Any(d => d.Year != year) || working.Any(d => d.Year != year))
            throw new ArgumentException($"Every day of the {year} arrangement must fall in {year}.");
        if (days.Overlaps(working))
            throw new ArgumentException("A day cannot be both a holiday and an adjusted working day.");
        return new CalendarYear(year, source, days, working);
    }
}
