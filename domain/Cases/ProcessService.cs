using ECourt.Domain.Calendar;

namespace ECourt.Domain.Cases;

/// <summary>A defendant on whom the complaint copy was served, and when.</summary>
public sealed record PartyServed(int PartyNumber, DateTimeOffset ServedAt);

/// <summary>
/// Service of process after registration: when the court started it, the 5-day dispatch deadline of the
/// complaint copy (CPL art. 128), whether the clerk was flagged for missing it, who has been served, and
/// the answer deadline (15 days from service on the last defendant).
/// </summary>
public sealed record ProcessService(DateTimeOffset StartedAt, Deadline DispatchDeadline, DateTimeOffset? DispatchOverdueFlaggedAt,
    IReadOnlyList<PartyServed> ComplaintServed, Deadline? AnswerDeadline);
