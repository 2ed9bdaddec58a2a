namespace ECourt.Domain.Calendar;

/// <summary>
/// The court calendar: which days are working days. Chinese holidays move working days
/// (adjusted weekends are working days), so this is data loaded per year, not a weekday rule.
/// For a year whose arrangement is not loaded, only weekends are non-working and every answer
/// that depends on that year is provisional.
/// </summary>
public sealed class CourtCalendar
{
    private readonly Dictionary<int, CalendarYear> _years;

    public CourtCalendar(IEnumerable<CalendarYear> years)
    {
        _years = years.ToDictionary(y => y.Year);
    }

    public static CourtCalendar Published { get; } = new(PublishedCalendars.All);

    public bool IsLoaded(int year) => _years.ContainsKey(year);

    public IEnumerable<int> LoadedYears => _years.Keys.Order();

    public bool IsWorkingDay(DateOnly day)
    {
        if (_years.TryGetValue(day.Year, out var year))
        {
            if (year.AdjustedWorkingDays.Contains(day)) return true;
            if (year.Holidays.Contains(day)) return false;
        }
        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    public DateOnly NextWorkingDayOnOrAfter(DateOnly day, ref bool provisional)
    {
        while (true)
        {
            provisional |= !IsLoaded(day.Year);
            if (IsWorkingDay(day)) return day;
            day = day.AddDays(1);
        }
    }
}
