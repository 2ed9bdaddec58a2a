using System.Text.Json.Serialization;

namespace ECourt.Domain.Enforcement;

public enum DeductionStatus
{
    [JsonStringEnumMemberName("requested")]
    Requested,
    /// <summary>The bank deducted it; the money arrives as a credit to the case's account.</summary>
    [JsonStringEnumMemberName("deducted")]
    Deducted,
    [JsonStringEnumMemberName("refused")]
    Refused,
}

/// <summary>A deduction (扣划) from a frozen account into the enforcement case's account.</summary>
public sealed record Deduction(string RequestId, string FreezeRequestId, string BankCode, string AccountNumber, decimal Amount,
    DeductionStatus Status, string? BankTransactionId, string? Refusal);
