using System.Globalization;
using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.Calendar;

namespace ECourt.Application.Calendar;

/// <summary>
/// An administrator publishes a year's arrangement (the State Council's notice, or the deployment's own for its
/// region, once its year's national one is known): checked as a notice can be (<see cref="CalendarYear.Create"/>), stored,
/// given to the court calendar, and every open deadline that depends on the year counted again
/// (<see cref="RecountDeadlines"/>). Publishing the same again changes nothing more.
/// </summary>
public sealed class PublishCalendar(ICalendarStore store, LoadCourtCalendar load, RecountDeadlines recount, TimeProvider clock)
{
    public const int MaxHolidayRuns = 40;
    public const int MaxWorkingDays = 40;
    public const int MaxTitleChars = 200;

    public sealed record Published(PublishedArrangement Arrangement, RecountDeadlines.Result Recount);

    public async Task<Published> RunAsync(string yearText, CourtUser caller, CalendarRequest r, CancellationToken ct)
    {
        var v = new Validation();
        v.Check(int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year), "year", "A year: four digits.");
        var scope = string.IsNullOrEmpty(r.Scope) ? CalendarScope.National : v.Enum<CalendarScope>(r.Scope, "scope");
        var title = v.Text(r.Title, "title", MaxTitleChars);
        var noticeDate = v.Date(r.NoticeDate, "noticeDate");
        var holidays = new List<(DateOnly, DateOnly)>();
        if (r.Holidays is not { Count: > 0 and <= MaxHolidayRuns })
            v.Add("holidays", $"From 1 to {MaxHolidayRuns} runs of holidays.");
        else
            for (var i = 0; i < r.Holidays.Count; i++)
            {
                if (r.Holidays[i] is not { } run) { v.Add($"holidays[{i}]", "A run: { from, to }."); continue; }
                var (from, to) = (v.Date(run.From, $"holidays[{i}].from"), v.Date(run.To, $"holidays[{i}].to"));
                if (from is { } f && to is { } t) holidays.Add((f, t));
            }
        var working = new List<DateOnly>();
        if (r.WorkingDays is { Count: > MaxWorkingDays }) v.Add("workingDays", $"At most {MaxWorkingDays} days.");
        else
            for (var i = 0; i < (r.WorkingDays?.Count ?? 0); i++)
                if (v.Date(r.WorkingDays![i], $"workingDays[{i}]") is { } d) working.Add(d);
        v.ThrowIfAny();

        var arrangement = new PublishedArrangement(year, scope!.Value, CalendarYear.Create(year, title!, holidays, working, noticeDate),
            caller.Id, clock.GetUtcNow());
        // A region's arrangement adds to its year's national one (LoadCourtCalendar.Merge): alone it would be stored and never used.
        if (scope == CalendarScope.Regional && !PublishedCalendars.All.Any(y => y.Year == year)
            && !(await store.ListAsync(ct)).Any(a => a.Year == year && a.Scope == CalendarScope.National))
            throw new ConflictException("calendar-national-not-published",
                $"The national arrangement for {year} is not published yet; publish it before the region's own.");
        await store.PutAsync(arrangement, ct);
        await load.RunAsync(ct);
        // The notice may name the last week of the year before: deadlines there depend on this year too (CalendarIndexing).
        var counted = await recount.RunAsync(year, arrangement.Arrangement.Source, provisionalOnly: false, ct);
        return new Published(arrangement, counted);
    }
}

/// <summary>A year's arrangements as the calendar has them: the published national and regional ones, or the built-in one.</summary>
public sealed class ReadCalendar(ICalendarStore store)
{
    /// <param name="National">the State Council's arrangement (published, or built in)</param>
    /// <param name="BuiltIn">true when the national arrangement is the one the release carries, not one published here</param>
    public sealed record Year(int Number, CalendarYear National, bool BuiltIn, PublishedArrangement? Published,
        PublishedArrangement? Regional);

    public async Task<Year> RunAsync(string yearText, CancellationToken ct)
    {
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number is < CalendarYear.FirstYear or > CalendarYear.LastYear)
            throw new NotFoundException("such calendar year");
        var published = (await store.ListAsync(ct)).Where(a => a.Year == number).ToList();
        var national = published.FirstOrDefault(a => a.Scope == CalendarScope.National);
        var regional = published.FirstOrDefault(a => a.Scope == CalendarScope.Regional);
        var builtIn = PublishedCalendars.All.FirstOrDefault(y => y.Year == number);
        var arrangement = national?.Arrangement ?? builtIn
            ?? throw new NotFoundException($"arrangement published for {number}: deadlines that fall in it are provisional");
        return new Year(number, arrangement, national is null, national, regional);
    }
}
