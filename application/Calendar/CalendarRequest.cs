namespace ECourt.Application.Calendar;

/// <summary>PUT /api/calendars/{year}: a year's arrangement as its notice gives it.</summary>
/// <param name="Scope">national (the State Council's; the default) or regional (the deployment's own)</param>
/// <param name="Title">the notice's title, e.g. 国务院办公厅关于2027年部分节假日安排的通知</param>
/// <param name="NoticeDate">the notice's date, yyyy-MM-dd</param>
/// <param name="Holidays">runs of public holidays, first and last day included</param>
/// <param name="WorkingDays">weekend days made working days</param>
public sealed record CalendarRequest(string? Scope, string? Title, string? NoticeDate, List<HolidayRangeRequest?>? Holidays,
    List<string?>? WorkingDays);

public sealed record HolidayRangeRequest(string? From, string? To);
