using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Application.Calendar;

/// <summary>
/// Counts again, on the calendar as it now stands, the deadlines of every case the calendar index lists for a year
/// (<see cref="DeadlineReckoning"/>: never earlier than told, a passed one flagged for the clerk), records it as an event,
/// and wakes the case's lifecycle, which then waits for the deadline as recounted.
/// </summary>
public sealed class RecountDeadlines(ICalendarIndex index, CaseChanges changes, CaseSignals signals, DeadlineCalculator deadlines,
    TimeProvider clock)
{
    public const string Action = "RecountDeadlines";

    /// <param name="Recounted">cases whose deadlines moved or lost their provisional mark</param>
    /// <param name="Flagged">deadlines flagged for the clerk</param>
    public sealed record Result(int Cases, int Recounted, int Flagged);

    /// <param name="provisionalOnly">only the cases the index says still have a provisional deadline in the year (the sweep's pass)</param>
    public async Task<Result> RunAsync(int year, string notice, bool provisionalOnly, CancellationToken ct = default)
    {
        var rows = await index.ListAsync(year, provisionalOnly, ct);
        var (recounted, flagged) = (0, 0);
        foreach (var row in rows)
        {
            var now = clock.GetUtcNow();
            DeadlineReckoning? done = null;
            var applied = await changes.ApplyWithOutcomeAsync(row.CaseId, c =>
            {
                var reckoning = new DeadlineReckoning(deadlines, now, notice);
                done = reckoning;
                return CaseChange.Of(Recount(c, reckoning));
            }, ct);
            if (applied.Changed)
            {
                recounted++;
                flagged += done!.Flags.Count;
                await signals.CaseChangedAsync(applied.Case.Case, Action, ct);
            }
            // A row that names a year the case no longer depends on, or says provisional where it no longer is, is set right.
            var years = CalendarIndexing.YearsOf(applied.Case.Case, now, deadlines);
            if (!years.TryGetValue(year, out var provisional)) await index.RemoveAsync(row.CaseId, year, ct);
            else if (provisional != row.Provisional) await index.SetAsync(row with { Provisional = provisional }, ct);
        }
        return new Result(rows.Count, recounted, flagged);
    }

    /// <summary>The case with every stage's deadlines counted again, and its event; null when nothing changed.</summary>
    public static (CourtCase Case, CaseEvent Event)? Recount(CourtCase c, DeadlineReckoning reckoning)
    {
        if (c.Status.IsFinal()) return null;
        var recounted = CaseModules.All.Aggregate(c, (x, module) => module.Recompute(x, reckoning));
        if (reckoning.Changed.Count == 0 && reckoning.Flags.Count == 0) return null;
        var flags = (c.DeadlineFlags?.Items ?? []).Concat(reckoning.Flags).TakeLast(CalendarModule.MaxFlags).ToList();
        return c.Record(Action, Actor.System, reckoning.Now, reckoning.Describe(),
            _ => flags.Count == 0 ? recounted : recounted.With(new DeadlineFlags(flags)));
    }
}

/// <summary>
/// The sweep's pass over deadlines still marked provisional: a host that had not yet heard of a publication (each reads
/// the arrangements again every few minutes, and a failed read keeps what it had) counted them on weekends alone. Every
/// sweep reads the arrangements and counts again, in every year the calendar knows, the cases the index lists as
/// provisional there, however long ago the year was published. A count that changes nothing writes nothing, and sets the
/// index row right, so a case is read again only while one of its deadlines still waits for a notice (late December).
/// </summary>
public sealed class RecountProvisionalDeadlines(LoadCourtCalendar load, RecountDeadlines recount, CourtCalendar calendar)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        await load.RunAsync(ct);
        var recounted = 0;
        foreach (var year in calendar.LoadedYears)
        {
            if (calendar.Year(year) is not { } arrangement) continue;
            recounted += (await recount.RunAsync(year, arrangement.Source, provisionalOnly: true, ct)).Recounted;
        }
        return recounted;
    }
}
