using System.Text.Json.Serialization;

namespace ECourt.Domain.Enforcement;

public enum FreezeStatus
{
    /// <summary>Asked; the bank has not answered.</summary>
    [JsonStringEnumMemberName("requested")]
    Requested,
    [JsonStringEnumMemberName("frozen")]
    Frozen,
    /// <summary>Behind an earlier freeze (轮候冻结): it takes effect when that one lifts.</summary>
    [JsonStringEnumMemberName("queued")]
    Queued,
    [JsonStringEnumMemberName("refused")]
    Refused,
    /// <summary>Its term ended without renewal: the account is free again.</summary>
    [JsonStringEnumMemberName("lapsed")]
    Lapsed,
    /// <summary>Continued by a renewal, which carries the new term.</summary>
    [JsonStringEnumMemberName("renewed")]
    Renewed,
}

/// <summary>
/// A freeze of a debtor's bank account: the amount asked and the amount the bank froze, its term's last day, a renewal reminder
/// once sent, and the freeze it renews. A deduction takes from what it holds.
/// </summary>
public sealed record Freeze(string RequestId, string BankCode, string AccountNumber, int Debtor, decimal Asked, decimal Frozen,
    DateOnly Until, FreezeStatus Status, string? Renews, DateTimeOffset? ReminderAt, decimal Deducted = 0m)
{
    /// <summary>It holds or may come to hold money (asked, frozen or queued).</summary>
    [JsonIgnore]
    public bool Secures => Status is FreezeStatus.Requested or FreezeStatus.Frozen or FreezeStatus.Queued;

    /// <summary>What it counts against the cap: the amount asked until answered, then what is frozen and not yet deducted.</summary>
    [JsonIgnore]
    public decimal Secured => Status == FreezeStatus.Requested ? Asked : Math.Max(0m, Frozen - Deducted);

    [JsonIgnore]
    public bool IsInForce => Status is FreezeStatus.Frozen or FreezeStatus.Queued;
}
