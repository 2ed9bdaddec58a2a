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
/// <param name="Service">
/// serving the decision on the applicant, from whose day after the period for what remains runs (Measures art. 22); null for a
/// decision recorded before decisions were served, whose period ran from the decision's own day
/// </param>
public sealed record FeeAidDecision(
    FeeAidOutcome Outcome,
    decimal? ReducedAmount,
    DateOnly? DeferredUntil,
    IReadOnlyList<string> Reasons,
    string DecidedBy,
    DateTimeOffset DecidedAt,
    FeeAidDecisionService? Service = null)
{
    /// <summary>Decided, and its document not yet made and sent for service on the applicant.</summary>
    public bool ToSend => Service is { SentAt: null };
}

/// <summary>
/// Serving a fee-aid decision on the applicant, like any court document: when its document was made and its service
/// started, and the China-time date it was served.
/// </summary>
public sealed record FeeAidDecisionService(DateTimeOffset? SentAt, DateOnly? ServedOn);
