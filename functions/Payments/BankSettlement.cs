using System.Text.Json.Serialization;

namespace ECourt.Functions.Payments;

/// <summary>How a bank message was settled.</summary>
public enum BankSettlement
{
    [JsonStringEnumMemberName("completed")]
    Completed,
    [JsonStringEnumMemberName("deadLettered")]
    DeadLettered,
    [JsonStringEnumMemberName("abandoned")]
    Abandoned,
}

public sealed record BankMessageOutcome(BankSettlement Outcome, string? Reason);
