namespace ECourt.Domain.Calendar;

/// <summary>Court time is China Standard Time, UTC+8, with no daylight saving.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    public static DateTimeOffset ToChinaTime(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>A period ends at 24:00 China time on its last day (CPL art. 85), i.e. 00:00 of the next day.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Offset);
}
