using ECourt.Application.Cases;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Application.Calendar;

/// <summary>A case whose deadlines depend on a year's arrangement, and whether one of them is still provisional.</summary>
public sealed record CalendarIndexRow(string CaseId, int Year, bool Provisional);

/// <summary>
/// The cases whose pending deadlines depend on each year of the calendar, so that publishing a year's arrangement counts
/// again exactly those cases' deadlines (and the sweep finds provisional ones a host counted before it heard of a
/// publication).
/// </summary>
public interface ICalendarIndex
{
    Task SetAsync(CalendarIndexRow row, CancellationToken ct = default);

    Task RemoveAsync(string caseId, int year, CancellationToken ct = default);

    Task<IReadOnlyList<CalendarIndexRow>> ListAsync(int year, bool provisionalOnly, CancellationToken ct = default);
}

/// <summary>
/// Keeps the calendar index with every change of a case: the years its pending deadlines depend on (those of their last
/// days and the month before, and the next year for a last day in the week the next notice may name).
/// </summary>
public sealed class CalendarIndexing(ICalendarIndex index, DeadlineCalculator deadlines, TimeProvider clock) : ICaseIndexing
{
    public static IReadOnlyDictionary<int, bool> YearsOf(CourtCase c, DateTimeOffset now, DeadlineCalculator deadlines)
    {
        var years = new Dictionary<int, bool>();
        foreach (var d in CaseDeadlines.Pending(c, now, deadlines))
        {
            var first = d.LastDay.AddDays(-31).Year;
            var last = d.LastDay >= CalendarYear.EarliestDay(d.LastDay.Year + 1) ? d.LastDay.Year + 1 : d.LastDay.Year;
            for (var y = first; y <= last; y++) years[y] = (years.TryGetValue(y, out var p) && p) || d.Provisional;
        }
        return years;
    }

    public async Task<Func<CancellationToken, Task>?> BeforeCommitAsync(CourtCase before, CourtCase after, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var old = YearsOf(before, now, deadlines);
        var next = YearsOf(after, now, deadlines);
        foreach (var (year, provisional) in next)
            if (!old.TryGetValue(year, out var was) || was != provisional)
                await index.SetAsync(new CalendarIndexRow(after.CaseId, year, provisional), ct);
        var gone = old.Keys.Where(y => !next.ContainsKey(y)).ToList();
        return gone.Count == 0 ? null : async token =>
        {
            foreach (var year in gone) await index.RemoveAsync(after.CaseId, year, token);
        };
    }
}
