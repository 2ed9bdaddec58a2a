namespace ECourt.Domain.Assignment;

/// <summary>
/// Who works on a case: its judge and clerk, of the division that hears it, since when and by whom (the system by the court's
/// rule, or a division head or the president, who give a reason). An enforcement case has its enforcement officer instead.
/// While no member is eligible the case waits, and is tried again at <see cref="RetryAt"/>.
/// </summary>
public sealed record CaseAssignment(string? Judge, string? Clerk, Division Division, DateTimeOffset? AssignedAt, string? AssignedBy,
    DateTimeOffset? WaitingSince = null, DateTimeOffset? RetryAt = null)
{
    /// <summary>The enforcement officer of an enforcement case.</summary>
    public string? Officer { get; init; }

    public bool IsAssigned => Judge is not null || Officer is not null;
}
