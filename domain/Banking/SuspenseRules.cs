using ECourt.Domain.Calendar;

namespace ECourt.Domain.Banking;

/// <summary>
/// A deposit that matched no open case is claimed to its case within 3 working days (a local rule of
/// the courts' case-fund rules: the court may configure it); after that it is flagged overdue.
/// </summary>
public static class SuspenseRules
{
    public const int DefaultClaimWorkingDays = 3;

    public static Deadline ClaimDeadline(DeadlineCalculator deadlines, DateTimeOffset recordedAt, int workingDays) =>
        deadlines.Compute(ChinaTime.DateOf(recordedAt), workingDays, PeriodUnit.WorkingDays);

    public static bool IsOverdue(Deadline claimBy, DateTimeOffset now) => now >= claimBy.EndsAt;
}
