using ECourt.Domain.Cases;

namespace ECourt.Domain.Calendar;

/// <summary>
/// The court calendar, a concept every stage's deadlines use: its part of the snapshot holds the deadlines flagged for
/// the clerk when a published arrangement would have kept a deadline running that had already passed as told.
/// </summary>
public sealed class CalendarModule : ICaseModule
{
    /// <summary>Flags kept on a case; a clerk clears them by deciding (more would be a calendar error, not a case's).</summary>
    public const int MaxFlags = 20;

    public string Name => "Calendar";

    public IEnumerable<CaseAction> Actions => [];

    public IEnumerable<CasePart> Parts => [CalendarParts.Flags];

    public IEnumerable<string> KeptDeadlineKinds => [];

    public IEnumerable<PendingDeadline> Pending(CourtCase c, DateTimeOffset now, DeadlineCalculator deadlines) => [];

    public CourtCase Recompute(CourtCase c, DeadlineReckoning reckoning) => c;
}

/// <summary>Deadlines flagged for the clerk by a published arrangement.</summary>
public sealed record DeadlineFlags(IReadOnlyList<DeadlineFlag> Items);

public static class CalendarParts
{
    public static readonly CasePart Flags = CasePart.Of<DeadlineFlags>("deadlineFlags");

    extension(CourtCase c)
    {
        public DeadlineFlags? DeadlineFlags => c.Part<DeadlineFlags>();
    }
}
