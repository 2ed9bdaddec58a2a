using System.Text.Json.Serialization;

namespace ECourt.Domain.Enforcement;

/// <summary>The grounds of listing a debtor as dishonest (SPC Provisions on the List of Dishonest Judgment Debtors, 2017, art.
/// 1).</summary>
public enum DishonestGround
{
    /// <summary>Art. 1(1): able to perform and refusing to (有履行能力而拒不履行).</summary>
    [JsonStringEnumMemberName("able-but-refusing")]
    AbleButRefusing,
    /// <summary>Art. 1(2): obstructing enforcement by forged evidence, violence, threats.</summary>
    [JsonStringEnumMemberName("obstructing")]
    Obstructing,
    /// <summary>Art. 1(3): evading enforcement by false litigation or arbitration, or by hiding or moving property.</summary>
    [JsonStringEnumMemberName("evading")]
    Evading,
    /// <summary>Art. 1(4): breaking the duty to report property (a false or refused report).</summary>
    [JsonStringEnumMemberName("property-report")]
    PropertyReport,
    /// <summary>Art. 1(5): breaking a consumption restriction order.</summary>
    [JsonStringEnumMemberName("consumption-order")]
    ConsumptionOrder,
    /// <summary>Art. 1(6): refusing without good reason to perform a settlement agreement in enforcement.</summary>
    [JsonStringEnumMemberName("settlement-breach")]
    SettlementBreach,
}

/// <summary>
/// The order restricting a listed debtor's high consumption (限制消费令, SPC Provisions on Restricting High Consumption, 2015): signed
/// off by the president, lifted when the debt is performed.
/// </summary>
public sealed record ConsumptionRestriction(string? SignedBy, DateTimeOffset? SignedAt, DateTimeOffset? LiftedAt)
{
    [JsonIgnore]
    public bool InForce => SignedAt is not null && LiftedAt is null;
}

/// <summary>
/// A debtor on the dishonest list by the court's written decision (served on the debtor), on one ground, until its term ends (none for
/// a debtor able but refusing: until performance), removed early on full performance; with the consumption restriction that goes
/// with it, and whether the public list shows what the decision now says.
/// </summary>
public sealed record DishonestListing(int Debtor, DishonestGround Ground, int ExtraYears, string Facts, string DecidedBy,
    DateTimeOffset DecidedAt, DateOnly? Until, string DocumentId, DateTimeOffset? SentAt, DateTimeOffset? RemovedAt, string? RemovalReason,
    ConsumptionRestriction Restriction, bool PublicListCurrent)
{
    [JsonIgnore]
    public bool InForce => RemovedAt is null;
}
