using System.Text.Json.Serialization;

namespace ECourt.Domain.Enforcement;

public enum PayoutStatus
{
    /// <summary>Proposed by the officer; the division head decides.</summary>
    [JsonStringEnumMemberName("awaiting-division-head")]
    AwaitingDivisionHead,
    /// <summary>Above the court's threshold: approved by the division head, the president decides.</summary>
    [JsonStringEnumMemberName("awaiting-president")]
    AwaitingPresident,
    /// <summary>Approved: the instruction goes to the court's bank.</summary>
    [JsonStringEnumMemberName("approved")]
    Approved,
    [JsonStringEnumMemberName("paid")]
    Paid,
    /// <summary>Refused by an approver, with reasons: back to the officer, who may propose again.</summary>
    [JsonStringEnumMemberName("refused")]
    Refused,
    /// <summary>The bank could not pay (a wrong account): the money stays held, the officer proposes again.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}

/// <summary>One decision on a payout: who, in which capacity, approve or refuse, why, and whether the step was late.</summary>
public sealed record PayoutDecision(string By, string Role, bool Approved, string? Reasons, DateTimeOffset At);

/// <summary>
/// A payout of held funds to the creditor (发放执行款): proposed by the officer, approved by amount (the division head; the president
/// too above the court's threshold), each step due within the court's working days and escalated when late; once approved, one
/// instruction to the court's bank under one request id, closed by its result.
/// </summary>
public sealed record Payout(string PayoutId, decimal Amount, PayeeAccount Payee, string ProposedBy, DateTimeOffset ProposedAt,
    PayoutStatus Status, DateOnly StepDueBy, DateTimeOffset? EscalatedAt, IReadOnlyList<PayoutDecision> Decisions, string? RequestId,
    DateTimeOffset? PaidAt, string? BankTransactionId, string? Refusal)
{
    [JsonIgnore]
    public bool IsOpen => Status is PayoutStatus.AwaitingDivisionHead or PayoutStatus.AwaitingPresident or PayoutStatus.Approved;

    [JsonIgnore]
    public bool AwaitsDecision => Status is PayoutStatus.AwaitingDivisionHead or PayoutStatus.AwaitingPresident;
}
