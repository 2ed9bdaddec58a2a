using ECourt.Domain.Calendar;

namespace ECourt.Domain.Payments;

/// <summary>
/// A deposit that matched no open case is claimed to its case within 3 working days (a local rule of
/// the courts' case-fund rules: the court may configure it); after that it is flagged overdue.
/// </summary>
public static partial class SuspenseRules
{
    public const int DefaultClaimWorkingDays = 3;

    public static Deadline ClaimDeadline(DeadlineCalculator deadlines, DateTimeOffset recordedAt, int workingDays) =>
        deadlines.Compute(ChinaTime.DateOf(recordedAt), workingDays, PeriodUnit.WorkingDays);

    public static bool IsOverdue(Deadline claimBy, DateTimeOffset now) => now >= claimBy.EndsAt;

    /// <summary>
    /// The court whose finance staff keep a deposit in suspense: the money is in the settlement account its number is under, so
    /// the court whose prefix the credited number starts with; a number in no court's range goes to the court the deployment
    /// names for them (<paramref name="unmatchedCourt"/>; none named: its default court).
    /// </summary>
    public static string CourtOf(string accountNumber, Courts.CourtDirectory courts, string? unmatchedCourt) =>
        courts.ByAccountNumber(accountNumber)?.Code
        ?? (string.IsNullOrEmpty(unmatchedCourt) ? courts.DefaultCourt.Code : courts.Get(unmatchedCourt).Code);

    /// <summary>A suspense item's id: {bankCode}:{bankTransactionId}.</summary>
    public static bool IsEntryId(string? id) => id is not null && EntryIdPattern().IsMatch(id);

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Z0-9]{2,16}:[A-Za-z0-9._-]{1,64}$")]
    private static partial System.Text.RegularExpressions.Regex EntryIdPattern();
}
