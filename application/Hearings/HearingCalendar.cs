using ECourt.Application.Cases;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Hearings;

namespace ECourt.Application.Hearings;

/// <summary>
/// A scheduled hearing as the public calendar lists it: the court and day, its start, case number, place, online and streamed. The
/// cause only for a public hearing; never a party's name or anything personal (public routes carry none).
/// </summary>
public sealed record CalendarHearing(string Court, DateOnly Day, DateTimeOffset StartsAt, string CaseId, string HearingId,
    string? CaseNumber, string? Cause, string? Courtroom, bool Online, bool Public, bool Streamed)
{
    public static CalendarHearing Of(CourtCase c, Hearing h) => new(c.Court, ChinaTime.DateOf(h.StartsAt), h.StartsAt, c.CaseId,
        h.HearingId, c.CaseNumber, h.Public ? c.Cause : null, h.Courtroom, h.Online, h.Public, h.Streamed);
}

/// <summary>The public hearing calendar: a row per scheduled hearing, by court and day (China time).</summary>
public interface IHearingCalendar
{
    Task PutAsync(CalendarHearing hearing, CancellationToken ct = default);

    Task RemoveAsync(CalendarHearing hearing, CancellationToken ct = default);

    /// <summary>At most <paramref name="max"/> rows of the court's day, earliest first.</summary>
    Task<IReadOnlyList<CalendarHearing>> ListAsync(string court, DateOnly day, int max, CancellationToken ct = default);
}

/// <summary>
/// Keeps the calendar with every change of a case (the one commit path): a hearing scheduled gets its row before the change
/// commits; a row the change made stale (a hearing postponed, cancelled or held) is removed after. A crash in between leaves an
/// extra row, never a missing one: the reader checks each row against its case.
/// </summary>
public sealed class HearingCalendarIndexing(IHearingCalendar calendar) : ICaseIndexing
{
    private static IReadOnlyList<CalendarHearing> Of(CourtCase c) => c.Status.IsFinal() ? []
        : c.Hearings?.Hearings.Where(h => h.State == HearingState.Scheduled).Select(h => CalendarHearing.Of(c, h)).ToList() ?? [];

    public async Task<Func<CancellationToken, Task>?> BeforeCommitAsync(CourtCase before, CourtCase after, CancellationToken ct)
    {
        var old = Of(before);
        var next = Of(after);
        foreach (var row in next.Where(n => !old.Contains(n))) await calendar.PutAsync(row, ct);
        var gone = old.Where(o => !next.Any(n => Same(n, o))).ToList();
        return gone.Count == 0 ? null : async token =>
        {
            foreach (var row in gone) await calendar.RemoveAsync(row, token);
        };
    }

    /// <summary>The same row key: a changed row is written over, not removed.</summary>
    private static bool Same(CalendarHearing a, CalendarHearing b) => a.HearingId == b.HearingId && a.StartsAt == b.StartsAt
        && a.Court == b.Court;
}

/// <summary>
/// Anyone reads a court's hearings of a day: each row checked against its case (a point read), so a row a crash left behind after
/// a postponement or cancellation is not shown.
/// </summary>
public sealed class ReadHearingCalendar(IHearingCalendar calendar, ICaseStore store, Domain.Courts.CourtDirectory courts)
{
    /// <summary>A court's day of hearings fits: a court sits in a few dozen rooms.</summary>
    public const int MaxPerDay = 500;

    public async Task<IReadOnlyList<CalendarHearing>> RunAsync(string? date, string? court, CancellationToken ct)
    {
        var v = new Validation();
        var day = v.Date(date, "date");
        if (!courts.TryGet(court, out var found)) v.Add("court", "A court of this deployment, by its code (such as 黑01).");
        v.ThrowIfAny();
        var rows = await calendar.ListAsync(found.Code, day!.Value, MaxPerDay, ct);
        var listed = new List<CalendarHearing>();
        foreach (var row in rows)
        {
            var c = (await store.GetAsync(row.CaseId, ct))?.Case;
            if (c?.Hearings?.Find(row.HearingId) is { State: HearingState.Scheduled } h && h.StartsAt == row.StartsAt
                && !c.Status.IsFinal())
                listed.Add(CalendarHearing.Of(c, h));
        }
        return listed.OrderBy(h => h.StartsAt).ThenBy(h => h.CaseNumber, StringComparer.Ordinal).ToList();
    }
}
