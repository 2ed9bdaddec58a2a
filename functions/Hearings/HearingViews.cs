using ECourt.Domain;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Hearings;
using ECourt.Functions.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Functions.Hearings;

/// <summary>
/// A hearing on the public calendar: its day and time (China time), courtroom (null online), case number, cause (null for a hearing
/// not held in public), online, public, streamed. Nothing personal.
/// </summary>
public sealed record CalendarHearingView(string Date, string Time, string? Courtroom, string? CaseNumber, string? Cause, bool Online,
    bool Public, bool Streamed)
{
    public static CalendarHearingView Of(Application.Hearings.CalendarHearing h) => new(h.Day.ToString("yyyy-MM-dd"),
        ChinaTime.ToChinaTime(h.StartsAt).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), h.Courtroom,
        h.CaseNumber, h.Public ? h.Cause : null, h.Online, h.Public, h.Streamed);
}

/// <summary>A participant's personal link to an online hearing (the token in it is its own), and when it expires.</summary>
public sealed record HearingLinkView(string HearingId, string Url, DateTimeOffset ExpiresAt);

/// <summary>Attendance as recorded: the party, present or not, the reason an absent party gave.</summary>
public sealed record AttendanceView(int PartyNumber, bool Present, string? AbsenceReason);

/// <summary>The answer to recording a hearing: the hearing as it now stands, the attendance and the minutes.</summary>
public sealed record HearingRecordView(HearingView Hearing, IReadOnlyList<AttendanceView> Attendance, string MinutesDocumentId,
    DateTimeOffset RecordedAt);

/// <summary>The case view's hearings, oldest first, from the stage's summary.</summary>
public sealed class HearingViews : IHearingList
{
    public static HearingView Of(Hearing h) => new(h.HearingId, ChinaTime.ToChinaTime(h.StartsAt), h.Courtroom, h.Online, h.Public,
        h.Streamed, h.State.WireName())
    {
        AdjournedFrom = h.AdjournedFrom,
        AdjournedTo = h.AdjournedTo,
        Reasons = h.Reasons.Count == 0 ? null : h.Reasons,
        SummonsServedOn = h.Summons?.Served.Select(s => s.PartyNumber).Order().ToList(),
        ServiceLateFlaggedAt = h.ServiceLateFlaggedAt is { } at ? ChinaTime.ToChinaTime(at) : null,
    };

    public IEnumerable<HearingView> Of(CourtCase c) => c.Hearings?.Hearings.Select(Of) ?? [];

    public static HearingRecordView Of(Hearing h, HearingRecord r) => new(Of(h),
        r.Attendance.Select(a => new AttendanceView(a.PartyNumber, a.Present, a.AbsenceReason)).ToList(), r.MinutesDocumentId,
        ChinaTime.ToChinaTime(r.RecordedAt));
}

public static class HearingViewRegistration
{
    public static IServiceCollection AddHearingViews(this IServiceCollection services) =>
        services.AddSingleton<IHearingList, HearingViews>();
}
