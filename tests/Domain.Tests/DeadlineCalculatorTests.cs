using ECourt.Domain.Calendar;

namespace ECourt.Domain.Tests;

public class DeadlineCalculatorTests
{
    private static readonly DeadlineCalculator Calc = new(new CourtCalendar(PublishedCalendars.All));

    [Theory]
    // DOMAIN.md check values: notice on Thu 2026-11-26 → due 2026-12-03; on Sat 2026-11-28 → Sat 12-05 is not a working day → Mon 2026-12-07.
    [InlineData("2026-11-26", 7, "2026-12-03")]
    [InlineData("2026-11-28", 7, "2026-12-07")]
    // 2026-09-24 + 7 = Oct 1, inside the National Day holiday (Oct 1–7); Oct 8 is a Thursday, a working day.
    [InlineData("2026-09-24", 7, "2026-10-08")]
    // 2026-02-07 + 7 = Sat Feb 14, an adjusted working day: the period ends on it.
    [InlineData("2026-02-07", 7, "2026-02-14")]
    // 2026-02-08 + 7 = Feb 15, Spring Festival holiday (Feb 15–23); Feb 24 is a Tuesday.
    [InlineData("2026-02-08", 7, "2026-02-24")]
    public void Days_NonWorkingLastDay_MovesToNextWorkingDay(string start, int days, string expected)
    {
        var d = Calc.Compute(DateOnly.Parse(start), days, PeriodUnit.Days);
        Assert.Equal(DateOnly.Parse(expected), d.LastDay);
        Assert.False(d.Provisional);
    }

    [Fact]
    public void Period_EndsAt2400ChinaTime()
    {
        var d = Calc.Compute(new DateOnly(2026, 11, 26), 7, PeriodUnit.Days);
        Assert.Equal(DateTimeOffset.Parse("2026-12-03T16:00:00Z"), d.EndsAt);
        Assert.Equal(TimeSpan.FromHours(8), d.EndsAt.Offset);
    }

    [Theory]
    // Thu 2026-09-24: Sep 25–27 are holidays; Mon 28, Tue 29, Wed 30 count; Oct 1–7 are holidays; Thu Oct 8, Fri Oct 9 → the 5th is Oct 9.
    [InlineData("2026-09-24", 5, "2026-10-09")]
    // Fri 2026-10-09 + 1 working day: Sat Oct 10 is an adjusted working day.
    [InlineData("2026-10-09", 1, "2026-10-10")]
    // Wed 2026-11-25 + 7 working days: Thu 26, Fri 27, Mon 30, Tue 1, Wed 2, Thu 3, Fri 4.
    [InlineData("2026-11-25", 7, "2026-12-04")]
    public void WorkingDays_CountOnlyWorkingDays(string start, int n, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Calc.Compute(DateOnly.Parse(start), n, PeriodUnit.WorkingDays).LastDay);

    [Theory]
    // Civil Code art. 202: the corresponding day of the last month; Mar 31 + 1 month → Apr 30 (Thu).
    [InlineData("2026-03-31", 1, "2026-04-30")]
    // 2026-01-15 + 1 month = Sun Feb 15, Spring Festival → Tue Feb 24.
    [InlineData("2026-01-15", 1, "2026-02-24")]
    public void Months_CorrespondingDay(string start, int n, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Calc.Compute(DateOnly.Parse(start), n, PeriodUnit.Months).LastDay);

    [Fact]
    public void YearNotLoaded_WeekendsOnlyAndProvisional()
    {
        // 2026-12-28 + 7 = Mon 2027-01-04, a weekday; 2027's arrangement is not loaded.
        var d = Calc.Compute(new DateOnly(2026, 12, 28), 7, PeriodUnit.Days);
        Assert.Equal(new DateOnly(2027, 1, 4), d.LastDay);
        Assert.True(d.Provisional);
        // 2027-01-01 is a Friday: without the arrangement it counts as a working day.
        var w = Calc.Compute(new DateOnly(2026, 12, 31), 1, PeriodUnit.WorkingDays);
        Assert.Equal(new DateOnly(2027, 1, 1), w.LastDay);
        Assert.True(w.Provisional);
    }

    [Fact]
    public void HolidayArrangement2026_AsPublished()
    {
        var cal = new CourtCalendar(PublishedCalendars.All);
        Assert.False(cal.IsWorkingDay(new DateOnly(2026, 1, 2)));
        Assert.True(cal.IsWorkingDay(new DateOnly(2026, 1, 4)));   // adjusted working Sunday
        Assert.False(cal.IsWorkingDay(new DateOnly(2026, 5, 5)));
        Assert.True(cal.IsWorkingDay(new DateOnly(2026, 5, 9)));   // adjusted working Saturday
        Assert.False(cal.IsWorkingDay(new DateOnly(2026, 6, 19)));
        Assert.True(cal.IsWorkingDay(new DateOnly(2026, 9, 20)));
        Assert.False(cal.IsWorkingDay(new DateOnly(2026, 10, 7)));
        Assert.True(cal.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.False(cal.IsWorkingDay(new DateOnly(2026, 11, 28))); // ordinary Saturday
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(3651)]
    public void Period_OutOfRange_Refused(int period) =>
        Assert.Throws<DomainRuleException>(() => Calc.Compute(new DateOnly(2026, 1, 1), period, PeriodUnit.Days));
}
