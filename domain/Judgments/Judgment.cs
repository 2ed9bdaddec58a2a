using System.Text.Json.Serialization;

namespace ECourt.Domain.Judgments;

/// <summary>Where the judgment's text for publication came from.</summary>
public enum JudgmentTextSource
{
    /// <summary>Sent by the judge with the judgment, as drafted.</summary>
    [JsonStringEnumMemberName("drafted")]
    Drafted,
    /// <summary>Read out of the signed PDF.</summary>
    [JsonStringEnumMemberName("extracted")]
    Extracted,
    /// <summary>The PDF could not be read (<see cref="Judgment.TextFailure"/>): the clerk supplies the text for publication.</summary>
    [JsonStringEnumMemberName("unreadable")]
    Unreadable,
}

/// <summary>
/// The judgment's service on one party: when it was served, and the last day of the party's own appeal period that runs from it
/// (none when nothing can be appealed), counted when served and again when the court calendar is published.
/// </summary>
public sealed record JudgmentServed(int PartyNumber, DateTimeOffset ServedAt, DateOnly? AppealBy, bool AppealByProvisional);

/// <summary>A party's appeal, filed within its own period (CPL art. 171): by whom, when, and its grounds.</summary>
public sealed record Appeal(int PartyNumber, string FiledBy, DateTimeOffset FiledAt, string Grounds);

/// <summary>One order's last day of performance, counted from the day the judgment took effect (enforcement reads it).</summary>
public sealed record PerformanceDeadline(int Order, DateOnly LastDay, bool Provisional);

/// <summary>
/// The judgment (or ruling, or mediation statement) that ends the first instance, as the case keeps it: the signed document, the
/// structured results, where its text came from, its service on each party, appeals, and once it takes effect the day it did,
/// each order's performance deadline and the costs' instructions. Its full text is a row of its own.
/// </summary>
public sealed record Judgment(
    string JudgmentId,
    JudgmentKind Kind,
    RulingGround? Ground,
    string DocumentId,
    string IssuedBy,
    DateTimeOffset IssuedAt,
    IReadOnlyList<JudgmentOrder> Orders,
    IReadOnlyList<CostShare> Costs,
    JudgmentTextSource TextSource,
    string? TextFailure,
    IReadOnlyList<int> Recipients,
    DateTimeOffset? SentAt,
    IReadOnlyList<JudgmentServed> Served,
    IReadOnlyList<Appeal> Appeals,
    DateOnly? EffectiveOn,
    IReadOnlyList<PerformanceDeadline> Performance,
    IReadOnlyList<CostInstruction> CostInstructions)
{
    public bool ServedOnEveryone => Recipients.All(p => Served.Any(s => s.PartyNumber == p));

    public JudgmentServed? ServiceOn(int partyNumber) => Served.FirstOrDefault(s => s.PartyNumber == partyNumber);
}
