namespace ECourt.Domain.Cases;

/// <summary>
/// A deadline that is pending on a case: its kind, its last day and the instant it ends (24:00 China time of that day),
/// whether the day is provisional (a year's holiday arrangement not loaded), and its legal basis. <see cref="KeepAt"/> is
/// when the case's lifecycle acts on it (null: kept elsewhere, such as by a service's own workflow, or a period the
/// party must keep that a later stage acts on); it may come after the end, as a ledger check waits for credits in transit.
/// </summary>
public sealed record PendingDeadline(string Kind, DateOnly LastDay, DateTimeOffset EndsAt, bool Provisional, string Basis, DateTimeOffset? KeepAt)
{
    public static PendingDeadline Kept(string kind, Calendar.Deadline deadline, string basis, DateTimeOffset? keepAt = null) =>
        new(kind, deadline.LastDay, deadline.EndsAt, deadline.Provisional, basis, keepAt ?? deadline.EndsAt);

    public static PendingDeadline Shown(string kind, Calendar.Deadline deadline, string basis) =>
        new(kind, deadline.LastDay, deadline.EndsAt, deadline.Provisional, basis, null);
}
