namespace ECourt.Domain.Calendar;

/// <summary>
/// The last day of a period and the instant it ends (24:00 China time of that day).
/// <see cref="Provisional"/> is true when a year it depends on has no loaded arrangement.
/// </summary>
public sealed record Deadline(DateOnly Start, int Period, PeriodUnit Unit, DateOnly LastDay, bool Provisional, string Basis)
{
    public DateTimeOffset EndsAt => ChinaTime.EndOfDay(LastDay);
}
