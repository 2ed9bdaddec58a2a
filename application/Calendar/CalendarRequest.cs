using ECourt.Application.Cases;

namespace ECourt.Application.Calendar;

/// <summary>PUT /api/calendars/{year}: a year's arrangement as its notice gives it.</summary>
/// <param name="Scope">national (the State Council's; the default) or regional (the deployment's own)</param>
/// <param name="Title">the notice's title, e.g. 国务院办公厅关于2027年部分节假日安排的通知</param>
/// <param name="NoticeDate">the notice's date, yyyy-MM-dd</param>
/// <param name="Holidays">runs of public holidays, first and last day included</param>
/// <param name="WorkingDays">weekend days made working days</param>
public sealed record CalendarRequest(
    [property: OneOf(typeof(CalendarScope)), Bound(Bounds.WireName)] string? Scope,
    [property: Required, Bound(PublishCalendar.MaxTitleChars)] string? Title,
    [property: Required, Form(FieldForm.Date), Bound(Bounds.Code)] string? NoticeDate,
    [property: Bound(PublishCalendar.MaxHolidayRuns)] List<HolidayRangeRequest?>? Holidays,
    [property: Form(FieldForm.Date), Bound(PublishCalendar.MaxWorkingDays, ItemChars = Bounds.Code)] List<string?>? WorkingDays);

public sealed record HolidayRangeRequest(
    [property: Required, Form(FieldForm.Date), Bound(Bounds.Code)] string? From,
    [property: Required, Form(FieldForm.Date), Bound(Bounds.Code)] string? To);
