using System.Text.Json.Serialization;

namespace ECourt.Domain.Fees;

/// <summary>What a party may ask for when it cannot pay (Measures arts. 44–48).</summary>
public enum FeeAidKind
{
    [JsonStringEnumMemberName("defer")]
    Defer,
    [JsonStringEnumMemberName("reduce")]
    Reduce,
    [JsonStringEnumMemberName("waive")]
    Waive,
}

public enum FeeAidOutcome
{
    [JsonStringEnumMemberName("granted")]
    Granted,
    [JsonStringEnumMemberName("refused")]
    Refused,
}

/// <summary>An application for fee aid and, once made, the judge's decision.</summary>
public sealed record FeeAid(
    FeeAidKind Kind,
    IReadOnlyList<string> Reasons,
    string AppliedBy,
    DateTimeOffset AppliedAt,
    FeeAidDecision? Decision)
{
    public bool Pending => Decision is null;
}

/// <param name="ReducedAmount">the fee due after a granted reduction</param>
/// <param name="DeferredUntil">the last day to pay after a granted deferral</param>
public sealed record FeeAidDecision(
    FeeAidOutcome Outcome,
    decimal? ReducedAmount,
    DateOnly? DeferredUntil,
    IReadOnlyList<string> Reasons,
    string DecidedBy,
    DateTimeOffset DecidedAt);
