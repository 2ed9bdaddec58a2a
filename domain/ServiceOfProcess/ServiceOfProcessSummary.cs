using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.ServiceOfProcess;

/// <summary>A defendant on whom the complaint copy was served, and when.</summary>
public sealed record PartyServed(int PartyNumber, DateTimeOffset ServedAt);

/// <summary>
/// Service of process after registration, as the case's snapshot keeps it (the part "process"): when the court started
/// it, the 5-day dispatch deadline of the complaint copy (CPL art. 128), whether the clerk was flagged for missing it,
/// who has been served, and the answer deadline (15 days from service on the last defendant). Each service itself is
/// a row of its own in the case's partition.
/// </summary>
public sealed record ServiceOfProcessSummary(DateTimeOffset StartedAt, Deadline DispatchDeadline, DateTimeOffset? DispatchOverdueFlaggedAt,
    IReadOnlyList<PartyServed> ComplaintServed, Deadline? AnswerDeadline);

public static class ServiceOfProcessParts
{
    public static readonly CasePart Summary = CasePart.Of<ServiceOfProcessSummary>("process");

    extension(CourtCase c)
    {
        /// <summary>Service of process on the case, once registration started it.</summary>
        public ServiceOfProcessSummary? ServiceOfProcess => c.Part<ServiceOfProcessSummary>();
    }
}
