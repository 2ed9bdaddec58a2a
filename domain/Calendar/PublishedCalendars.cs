namespace ECourt.Domain.Calendar;

/// <summary>
/// The holiday arrangements a new deployment starts with. Later years are published by an administrator as data
/// (PUT /api/calendars/{year}) when the State Council's notice appears; a stored arrangement replaces the one here.
/// </summary>
public static class PublishedCalendars
{
    /// <summary>State Council General Office notice of 2025-11-04 on the 2026 holiday arrangement.</summary>
    public static CalendarYear Year2026 { get; } = CalendarYear.Create(
        2026,
        "State Council General Office notice of 2025-11-04 (2026 holiday arrangement)",
        [
            (new(2026, 1, 1), new(2026, 1, 3)),
            (new(2026, 2, 15), new(2026, 2, 23)),
            (new(2026, 4, 4), new(2026, 4, 6)),
            (new(2026, 5, 1), new(2026, 5, 5)),
            (new(2026, 6, 19), new(2026, 6, 21)),
            (new(2026, 9, 25), new(2026, 9, 27)),
            (new(2026, 10, 1), new(2026, 10, 7)),
        ],
        [
            new(2026, 1, 4), new(2026, 2, 14), new(2026, 2, 28),
            new(2026, 5, 9), new(2026, 9, 20), new(2026, 10, 10),
        ],
        new DateOnly(2025, 11, 4));

    public static IReadOnlyList<CalendarYear> All { get; } = [Year2026];
}
