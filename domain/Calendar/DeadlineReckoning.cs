using System.Globalization;

namespace ECourt.Domain.Calendar;

/// <summary>A deadline counted again on a newly published arrangement, and what became of it.</summary>
/// <param name="Told">the last day the party was told</param>
/// <param name="Reckoned">the last day on the calendar as it now stands</param>
/// <param name="Kept">the last day the case keeps: never earlier than the day told</param>
public sealed record ReckonedDeadline(string Kind, DateOnly Told, DateOnly Reckoned, DateOnly Kept, bool Provisional);

/// <summary>
/// A deadline that had passed under the reckoning the party was told, but under the published arrangement would still
/// be running: it is not re-opened by the system; the clerk decides (the case view shows it until then).
/// </summary>
public sealed record DeadlineFlag(string Kind, DateOnly ToldLastDay, DateOnly PublishedLastDay, DateTimeOffset FlaggedAt, string Notice);

/// <summary>
/// Counting a case's deadlines again when an arrangement is published (CPL art. 85 on the court calendar as it now
/// stands): an open deadline takes the new last day, but never one earlier than a day already told to a party (a
/// make-up working day can shorten a period counted on weekends alone); a deadline that passed under the reckoning told
/// and would not have passed under the published one is kept as told and flagged for the clerk, never silently
/// re-opened. Each stage counts its own deadlines with <see cref="Again(string, Deadline)"/>.
/// </summary>
public sealed class DeadlineReckoning(DeadlineCalculator deadlines, DateTimeOffset now, string notice)
{
    private readonly List<ReckonedDeadline> _changed = [];
    private readonly List<DeadlineFlag> _flags = [];

    public DeadlineCalculator Deadlines => deadlines;

    public DateTimeOffset Now => now;

    /// <summary>Deadlines whose last day or provisional mark changed.</summary>
    public IReadOnlyList<ReckonedDeadline> Changed => _changed;

    /// <summary>Deadlines that passed as told but would still run: for the clerk.</summary>
    public IReadOnlyList<DeadlineFlag> Flags => _flags;

    /// <summary>The deadline to keep, counted again from its start on the calendar as it now stands.</summary>
    public Deadline Again(string kind, Deadline told)
    {
        var fresh = deadlines.Compute(told.Start, told.Period, told.Unit);
        var (lastDay, provisional) = Again(kind, told.LastDay, told.Provisional, fresh.LastDay, fresh.Provisional);
        return told with { LastDay = lastDay, Provisional = provisional };
    }

    /// <summary>
    /// A last day counted by the stage itself (a deferral's chosen day moved to a working day): the day to keep and its
    /// provisional mark, by the same rules.
    /// </summary>
    public (DateOnly LastDay, bool Provisional) Again(string kind, DateOnly told, bool toldProvisional, DateOnly reckoned, bool provisional)
    {
        if (reckoned == told && provisional == toldProvisional) return (told, toldProvisional);
        if (now >= ChinaTime.EndOfDay(told))
        {
            // Passed as told: kept as told; flagged where the published reckoning would still be running.
            if (reckoned > told && now < ChinaTime.EndOfDay(reckoned))
                _flags.Add(new DeadlineFlag(kind, told, reckoned, now, notice));
            return (told, toldProvisional);
        }
        var kept = reckoned < told ? told : reckoned;
        if (kept != told || provisional != toldProvisional) _changed.Add(new ReckonedDeadline(kind, told, reckoned, kept, provisional));
        return (kept, provisional);
    }

    /// <summary>What the reckoning did, as an event's reason.</summary>
    public string Describe()
    {
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var parts = _changed.Select(c => c.Kept == c.Told
                ? $"{c.Kind} stays {Day(c.Told)} (never earlier than told; the published reckoning gives {Day(c.Reckoned)})"
                : $"{c.Kind} {Day(c.Told)} → {Day(c.Kept)}")
            .Concat(_flags.Select(f => $"{f.Kind} ended {Day(f.ToldLastDay)} as told, would end {Day(f.PublishedLastDay)}: for the clerk"));
        return $"Deadlines counted again on {notice} (CPL art. 85): {string.Join("; ", parts)}";
    }
}
