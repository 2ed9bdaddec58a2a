using ECourt.Domain.Calendar;

namespace ECourt.Domain.Tests;

/// <summary>
/// The court calendar as published data (CPL art. 85 counts on it): a year's arrangement as the State Council's notice
/// gives it, days at the end of the year before included, and deadlines counted again when an arrangement is published.
/// </summary>
public class CourtCalendarTests
{
    /// <summary>
    /// The State Council General Office notice of 2018-12-06 on the 2019 holiday arrangement (国办发明电〔2018〕15号), as first
    /// published: New Year from Sun 2018-12-30 to Tue 2019-01-01, with Sat 2018-12-29 a working day; Spring Festival
    /// Feb 4–10 (Sat Feb 2, Sun Feb 3 working); Qingming Apr 5–7; Labour Day May 1; Dragon Boat Jun 7–9; Mid-Autumn
    /// Sep 13–15; National Day Oct 1–7 (Sun Sep 29, Sat Oct 12 working).
    /// </summary>
    public static CalendarYear Notice2019() => CalendarYear.Create(2019, "国务院办公厅关于2019年部分节假日安排的通知",
        [
            (new(2018, 12, 30), new(2019, 1, 1)), (new(2019, 2, 4), new(2019, 2, 10)), (new(2019, 4, 5), new(2019, 4, 7)),
            (new(2019, 5, 1), new(2019, 5, 1)), (new(2019, 6, 7), new(2019, 6, 9)), (new(2019, 9, 13), new(2019, 9, 15)),
            (new(2019, 10, 1), new(2019, 10, 7)),
        ],
        [new(2018, 12, 29), new(2019, 2, 2), new(2019, 2, 3), new(2019, 9, 29), new(2019, 10, 12)],
        new DateOnly(2018, 12, 6));

    [Fact]
    public void Notice2019_NamesDaysOfTheYearBefore_TheCalendarAsksItForThem()
    {
        var calendar = new CourtCalendar([Notice2019()]);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2018, 12, 29)));   // a Saturday made a working day
        Assert.False(calendar.IsWorkingDay(new DateOnly(2018, 12, 31)));  // a Monday made a holiday
        Assert.False(calendar.IsWorkingDay(new DateOnly(2019, 1, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2019, 2, 3)));     // a Sunday made a working day
        Assert.False(calendar.IsWorkingDay(new DateOnly(2019, 2, 8)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2019, 10, 12)));
        // 2018's own arrangement is not loaded: its days stay provisional, 2019's outside the last week of December do not.
        Assert.False(calendar.IsSettled(new DateOnly(2018, 12, 31)));
        Assert.True(calendar.IsSettled(new DateOnly(2019, 3, 1)));
        Assert.False(calendar.IsSettled(new DateOnly(2019, 12, 30)));
    }

    [Theory]
    // Mon 2018-12-24 + 7 = Mon 12-31, a holiday by the 2019 notice; Jan 1 too; Wed 2019-01-02 (CPL art. 85).
    [InlineData("2018-12-24", 7, "2019-01-02")]
    // Sat 2018-12-22 + 7 = Sat 12-29, a working day by the 2019 notice: the period ends on it.
    [InlineData("2018-12-22", 7, "2018-12-29")]
    // Thu 2019-01-31 + 7 = Thu Feb 7, Spring Festival (Feb 4–10); Mon Feb 11.
    [InlineData("2019-01-31", 7, "2019-02-11")]
    public void Notice2019_Deadlines(string start, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), new DeadlineCalculator(new CourtCalendar([Notice2019()]))
            .Compute(DateOnly.Parse(start), days, PeriodUnit.Days).LastDay);

    [Fact]
    public void WithoutThe2019Notice_TheSamePeriodEndsOnMonday2018_12_31_Provisionally()
    {
        var d = new DeadlineCalculator(new CourtCalendar([])).Compute(new DateOnly(2018, 12, 24), 7, PeriodUnit.Days);
        Assert.Equal(new DateOnly(2018, 12, 31), d.LastDay);
        Assert.True(d.Provisional);
    }

    [Theory]
    // A make-up working day makes up for a weekend: Tue 2019-01-08 is not one.
    [InlineData("calendar-working-day-not-weekend", "2019-01-08", null, null)]
    // The notice names the last week of the year before at most.
    [InlineData("calendar-day-outside-year", null, "2018-12-20", "2018-12-20")]
    [InlineData("calendar-day-outside-year", null, "2020-01-01", "2020-01-01")]
    // Runs that overlap, and a day both a holiday and a working day.
    [InlineData("calendar-holidays-overlap", null, "2019-02-09", "2019-02-12")]
    [InlineData("calendar-day-both", "2019-02-09", null, null)]
    [InlineData("calendar-range-reversed", null, "2019-03-02", "2019-03-01")]
    public void Arrangement_ThatNoNoticeCouldGive_Refused(string rule, string? workingDay, string? from, string? to)
    {
        var holidays = new List<(DateOnly, DateOnly)> { (new(2019, 2, 4), new(2019, 2, 10)) };
        if (from is not null) holidays.Add((DateOnly.Parse(from), DateOnly.Parse(to!)));
        var working = workingDay is null ? new List<DateOnly>() : [DateOnly.Parse(workingDay)];
        Assert.Equal(rule, Assert.Throws<DomainRuleException>(() => CalendarYear.Create(2019, "通知", holidays, working)).Rule);
    }

    [Fact]
    public void HolidayRun_LongerThanAnyNoticeGave_Refused_TheLongestRealRunsAccepted()
    {
        static string Refused(DateOnly from, DateOnly to) =>
            Assert.Throws<DomainRuleException>(() => CalendarYear.Create(2030, "通知", [(from, to)], [])).Rule;
        // A run over the whole year is a mistyped end date, not a notice; nor is fifteen days.
        Assert.Equal("calendar-holiday-run-too-long", Refused(new(2030, 1, 1), new(2030, 12, 31)));
        Assert.Equal("calendar-holiday-run-too-long", Refused(new(2030, 2, 1), new(2030, 2, 15)));
        // The 2026 Spring Festival (Feb 15–23, nine days, the built-in notice) and the 2020 one as extended by the State Council
        // General Office's notice of 2020-01-26 (国办发明电〔2020〕1号: Jan 24 to Feb 2, ten days) stand, as do fourteen days.
        Assert.Equal(9, PublishedCalendars.Year2026.HolidayRanges.Max(r => r.To.DayNumber - r.From.DayNumber + 1));
        Assert.Single(CalendarYear.Create(2020, "国务院办公厅关于延长2020年春节假期的通知", [(new(2020, 1, 24), new(2020, 2, 2))], [])
            .HolidayRanges);
        Assert.Single(CalendarYear.Create(2030, "通知", [(new(2030, 2, 1), new(2030, 2, 14))], []).HolidayRanges);
    }

    [Fact]
    public void Load_ReplacesWhatTheCalendarKnows_EveryHolderSeesIt()
    {
        var calendar = new CourtCalendar(PublishedCalendars.All);
        var deadlines = new DeadlineCalculator(calendar);
        Assert.True(deadlines.Compute(new DateOnly(2018, 12, 24), 7, PeriodUnit.Days).Provisional);
        calendar.Load([.. PublishedCalendars.All, Notice2019()]);
        Assert.Equal(new DateOnly(2019, 1, 2), deadlines.Compute(new DateOnly(2018, 12, 24), 7, PeriodUnit.Days).LastDay);
        Assert.True(calendar.IsLoaded(2019));
    }

    private static readonly DateTimeOffset Notice = DateTimeOffset.Parse("2018-12-06T10:00:00+08:00");

    /// <summary>Mon 2018-12-24 + 7, as counted before the 2019 notice: Mon 12-31, provisional.</summary>
    private static readonly Deadline ToldBeforeTheNotice =
        new DeadlineCalculator(new CourtCalendar([])).Compute(new DateOnly(2018, 12, 24), 7, PeriodUnit.Days);

    [Fact]
    public void Reckoning_OpenDeadline_TakesThePublishedLastDay()
    {
        var reckoning = new DeadlineReckoning(new DeadlineCalculator(new CourtCalendar([Notice2019()])), Notice, "2019 notice");
        var again = reckoning.Again("fee-payment", ToldBeforeTheNotice);
        Assert.Equal(new DateOnly(2019, 1, 2), again.LastDay);
        var changed = Assert.Single(reckoning.Changed);
        Assert.Equal((new DateOnly(2018, 12, 31), new DateOnly(2019, 1, 2)), (changed.Told, changed.Kept));
        Assert.Empty(reckoning.Flags);
    }

    [Fact]
    public void Reckoning_NeverEarlierThanTheDayTold()
    {
        // Sat 2018-12-22 + 7 = Sat 12-29: told Mon 12-31 on weekends alone; the notice makes 12-29 a working day.
        var told = new DeadlineCalculator(new CourtCalendar([])).Compute(new DateOnly(2018, 12, 22), 7, PeriodUnit.Days);
        Assert.Equal(new DateOnly(2018, 12, 31), told.LastDay);
        var reckoning = new DeadlineReckoning(new DeadlineCalculator(new CourtCalendar([Notice2019()])), Notice, "2019 notice");
        var again = reckoning.Again("answer", told);
        Assert.Equal(new DateOnly(2018, 12, 31), again.LastDay);
        // Nothing to tell the party: the day told stands (still provisional while 2018's own arrangement is not loaded).
        Assert.True(again.Provisional);
        Assert.Empty(reckoning.Changed);
    }

    [Fact]
    public void Reckoning_PassedAsTold_WouldStillRun_FlaggedNotReopened()
    {
        // Published on Tue 2019-01-01, after Mon 12-31 had ended as told; by the notice it would end on Wed 01-02.
        var late = DateTimeOffset.Parse("2019-01-01T09:00:00+08:00");
        var reckoning = new DeadlineReckoning(new DeadlineCalculator(new CourtCalendar([Notice2019()])), late, "2019 notice");
        Assert.Equal(new DateOnly(2018, 12, 31), reckoning.Again("fee-payment", ToldBeforeTheNotice).LastDay);
        var flag = Assert.Single(reckoning.Flags);
        Assert.Equal((new DateOnly(2018, 12, 31), new DateOnly(2019, 1, 2)), (flag.ToldLastDay, flag.PublishedLastDay));
        Assert.Empty(reckoning.Changed);
        // Published after the published reckoning would have ended too: nothing to flag.
        var later = new DeadlineReckoning(new DeadlineCalculator(new CourtCalendar([Notice2019()])),
            DateTimeOffset.Parse("2019-01-03T09:00:00+08:00"), "2019 notice");
        later.Again("fee-payment", ToldBeforeTheNotice);
        Assert.Empty(later.Flags);
    }
}
