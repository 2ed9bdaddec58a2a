namespace ECourt.Domain.Calendar;

/// <summary>
/// The court calendar: which days are working days. Chinese holidays move working days (adjusted weekends are working
/// days), so this is data published per year, not a weekday rule, and it changes while the court runs: an administrator
/// publishes a year's arrangement and <see cref="Load"/> replaces what the calendar knows (every holder of this one
/// instance sees it at once). For a day whose arrangement is not known, only weekends are non-working and every answer
/// that depends on it is provisional. A day in the last week of December also waits for the next year's notice, which
/// may name it (<see cref="CalendarYear.EarliestDay"/>).
/// </summary>
public sealed class CourtCalendar
{
    private volatile IReadOnlyDictionary<int, CalendarYear> _years;

    public CourtCalendar(IEnumerable<CalendarYear> years)
    {
        _years = years.ToDictionary(y => y.Year);
    }

    /// <summary>Replaces the arrangements the calendar knows (one per year).</summary>
    public void Load(IEnumerable<CalendarYear> years) => _years = years.ToDictionary(y => y.Year);

    public bool IsLoaded(int year) => _years.ContainsKey(year);

    public IEnumerable<int> LoadedYears => _years.Keys.Order();

    public CalendarYear? Year(int year) => _years.TryGetValue(year, out var y) ? y : null;

    /// <summary>True when the day's answer can no longer change: its year is published, and for late December the next year too.</summary>
    public bool IsSettled(DateOnly day)
    {
        var years = _years;
        return years.ContainsKey(day.Year) && (day < CalendarYear.EarliestDay(day.Year + 1) || years.ContainsKey(day.Year + 1));
    }

    public bool IsWorkingDay(DateOnly day)
    {
        var years = _years;
        // The later notice names the last days of a year (New Year's holiday), so it is asked first.
        foreach (var year in (int[])[day.Year + 1, day.Year])
        {
            if (!years.TryGetValue(year, out var arrangement)) continue;
            if (arrangement.WorkingDays.Contains(day)) return true;
            if (arrangement.Holidays.Contains(day)) return false;
        }
        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    public DateOnly NextWorkingDayOnOrAfter(DateOnly day, ref bool provisional)
    {
        while (true)
        {
            provisional |= !IsSettled(day);
            if (IsWorkingDay(day)) return day;
            day = day.AddDays(1);
        }
    }
}
