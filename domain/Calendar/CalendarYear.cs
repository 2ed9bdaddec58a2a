using System.Globalization;
using System.Text.Json.Serialization;

namespace ECourt.Domain.Calendar;

/// <summary>A run of public holidays, first and last day included.</summary>
public sealed record HolidayRange(DateOnly From, DateOnly To)
{
    public IEnumerable<DateOnly> Days()
    {
        for (var d = From; d <= To; d = d.AddDays(1)) yield return d;
    }
}

/// <summary>
/// One year's arrangement of public holidays and adjusted (make-up) working days, as the State Council General Office
/// publishes it late in the year before, or a deployment's own arrangement for its region. A notice may name days at
/// the end of the year before: the 2019 notice made 2018-12-30 and 31 holidays and Saturday 2018-12-29 a working day.
/// </summary>
public sealed record CalendarYear(int Year, string Source, DateOnly? NoticeDate, IReadOnlyList<HolidayRange> HolidayRanges,
    IReadOnlyList<DateOnly> AdjustedWorkingDays)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2200;

    /// <summary>
    /// The longest run of holidays an arrangement may name. The State Council's notices give at most eight or nine days in a
    /// row (Spring Festival; National Day with Mid-Autumn), ten once (the 2020 Spring Festival, extended by notice); two weeks
    /// leaves room for a region's extension, and refuses a run whose end date was mistyped, which would stop every deadline
    /// of the year from ending on a working day.
    /// </summary>
    public const int MaxHolidayRunDays = 14;

    /// <summary>How far into the year before a year's notice may reach: its last week (New Year's holiday runs across it).</summary>
    public static DateOnly EarliestDay(int year) => new(year - 1, 12, 25);

    public static DateOnly LatestDay(int year) => new(year, 12, 31);

    [JsonIgnore]
    public IReadOnlySet<DateOnly> Holidays { get; } = HolidayRanges.SelectMany(r => r.Days()).ToHashSet();

    [JsonIgnore]
    public IReadOnlySet<DateOnly> WorkingDays { get; } = AdjustedWorkingDays.ToHashSet();

    /// <summary>
    /// An arrangement checked against what a notice can say: every day in the year or the last week of the year before,
    /// holiday runs that do not overlap, make-up working days on weekends only, and no day both a holiday and a working day.
    /// </summary>
    public static CalendarYear Create(int year, string source, IEnumerable<(DateOnly From, DateOnly To)> holidays,
        IEnumerable<DateOnly> adjustedWorkingDays, DateOnly? noticeDate = null)
    {
        if (year is < FirstYear or > LastYear)
            throw new DomainRuleException("calendar-year-out-of-range", $"A calendar year is from {FirstYear} to {LastYear}.", "year");
        if (string.IsNullOrWhiteSpace(source))
            throw new DomainRuleException("calendar-notice-required", "An arrangement names the notice that published it.", "title");
        var ranges = holidays.Select(h => new HolidayRange(h.From, h.To)).OrderBy(r => r.From).ToList();
        var working = adjustedWorkingDays.Order().ToList();
        var (earliest, latest) = (EarliestDay(year), LatestDay(year));
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var i = 0; i < ranges.Count; i++)
        {
            var r = ranges[i];
            if (r.To < r.From)
                throw new DomainRuleException("calendar-range-reversed",
                    $"The holiday run {Day(r.From)} to {Day(r.To)} ends before it starts.",
                    $"holidays[{i}]");
            if (r.To.DayNumber - r.From.DayNumber + 1 > MaxHolidayRunDays)
                throw new DomainRuleException("calendar-holiday-run-too-long",
                    $"The holiday run {Day(r.From)} to {Day(r.To)} is longer than any notice gives ({MaxHolidayRunDays} days at most).",
                    $"holidays[{i}]");
            if (r.From < earliest || r.To > latest)
                throw new DomainRuleException("calendar-day-outside-year",
                    $"The {year} arrangement names days from {Day(earliest)} to {Day(latest)}; {Day(r.From)} to {Day(r.To)} is outside.",
                    $"holidays[{i}]");
            if (i > 0 && r.From <= ranges[i - 1].To)
                throw new DomainRuleException("calendar-holidays-overlap",
                    $"The holiday runs from {Day(ranges[i - 1].From)} and from {Day(r.From)} overlap.", $"holidays[{i}]");
        }
        var holidaySet = ranges.SelectMany(r => r.Days()).ToHashSet();
        for (var i = 0; i < working.Count; i++)
        {
            var d = working[i];
            if (d < earliest || d > latest)
                throw new DomainRuleException("calendar-day-outside-year",
                    $"The {year} arrangement names days from {Day(earliest)} to {Day(latest)}; {Day(d)} is outside.", $"workingDays[{i}]");
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                throw new DomainRuleException("calendar-working-day-not-weekend",
                    $"An adjusted working day makes up for a holiday on a weekend; {Day(d)} is a {d.DayOfWeek}.", $"workingDays[{i}]");
            if (holidaySet.Contains(d))
                throw new DomainRuleException("calendar-day-both", $"{Day(d)} cannot be both a holiday and a working day.",
                    $"workingDays[{i}]");
            if (i > 0 && working[i - 1] == d)
                throw new DomainRuleException("calendar-day-repeated", $"{Day(d)} is named twice.", $"workingDays[{i}]");
        }
        if (noticeDate is { } published && published > latest)
            throw new DomainRuleException("calendar-notice-date-late", $"A notice for {year} is dated before its year ends.", "noticeDate");
        return new CalendarYear(year, source.Trim(), noticeDate, ranges, working);
    }

    /// <summary>
    /// The national arrangement with a deployment's own for its region: the region's holidays and working days added,
    /// the region's word taking precedence on a day both name.
    /// </summary>
    public CalendarYear With(CalendarYear? regional)
    {
        if (regional is null) return this;
        var holidays = Holidays.Where(d => !regional.WorkingDays.Contains(d)).Concat(regional.Holidays).ToHashSet();
        var working = WorkingDays.Where(d => !regional.Holidays.Contains(d)).Concat(regional.WorkingDays).Distinct().Order().ToList();
        return new CalendarYear(Year, $"{Source}; {regional.Source}", NoticeDate, holidays.Order().Select(d => new HolidayRange(d,
            d)).ToList(), working);
    }
}
