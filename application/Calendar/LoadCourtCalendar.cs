using ECourt.Domain.Calendar;

namespace ECourt.Application.Calendar;

/// <summary>
/// Gives the court calendar every arrangement known: the built-in years (<see cref="PublishedCalendars"/>) and the
/// published ones, a published national arrangement replacing a built-in one of its year and a regional one added to
/// its year's national arrangement. Run when a host starts, at every refresh, and after a publication.
/// </summary>
public sealed class LoadCourtCalendar(ICalendarStore store, CourtCalendar calendar)
{
    public async Task<IReadOnlyList<PublishedArrangement>> RunAsync(CancellationToken ct = default)
    {
        var published = await store.ListAsync(ct);
        calendar.Load(Merge(published));
        return published;
    }

    public static IReadOnlyList<CalendarYear> Merge(IEnumerable<PublishedArrangement> published)
    {
        var list = published.ToList();
        var national = PublishedCalendars.All.ToDictionary(y => y.Year);
        foreach (var a in list.Where(a => a.Scope == CalendarScope.National)) national[a.Year] = a.Arrangement;
        return national.Values
            .Select(y => y.With(list.FirstOrDefault(a => a.Scope == CalendarScope.Regional && a.Year == y.Year)?.Arrangement))
            .ToList();
    }
}
