using System.Text.Json.Serialization;

namespace ECourt.Domain.Enforcement;

/// <summary>What a bank answers on queue bank-replies, each naming the request it answers.</summary>
public enum BankReplyKind
{
    [JsonStringEnumMemberName("asset-inquiry-result")]
    AssetInquiryResult,
    [JsonStringEnumMemberName("freeze-result")]
    FreezeResult,
    [JsonStringEnumMemberName("deduct-result")]
    DeductResult,
    [JsonStringEnumMemberName("payout-result")]
    PayoutResult,
}

/// <summary>How a bank carried out a request.</summary>
public enum BankOutcome
{
    /// <summary>An inquiry answered (with the accounts found, possibly none).</summary>
    [JsonStringEnumMemberName("answered")]
    Answered,
    [JsonStringEnumMemberName("frozen")]
    Frozen,
    /// <summary>Frozen behind an earlier freeze of another authority: it takes effect when that one lifts (SPC Interpretation art.
    /// 485).</summary>
    [JsonStringEnumMemberName("queued")]
    Queued,
    [JsonStringEnumMemberName("deducted")]
    Deducted,
    [JsonStringEnumMemberName("paid")]
    Paid,
    [JsonStringEnumMemberName("refused")]
    Refused,
}

/// <summary>An account a bank found for a debtor, with its balance when answered.</summary>
public sealed record FoundAccount(int PartyNumber, string AccountNumber, string AccountKind, decimal Balance);

/// <summary>
/// A bank's reply: the request it answers, its outcome, and by kind the accounts found, the amount frozen (and until when), deducted
/// or paid, the bank's transaction id, or why it refused.
/// </summary>
public sealed record BankReply(BankReplyKind Kind, string RequestId, string BankCode, BankOutcome Outcome, DateTimeOffset AnsweredAt)
{
    public IReadOnlyList<FoundAccount> Accounts { get; init; } = [];

    public decimal? Amount { get; init; }

    public DateOnly? FrozenUntil { get; init; }

    public string? BankTransactionId { get; init; }

    public string? Reason { get; init; }

    /// <summary>The request kind this reply answers.</summary>
    public BankRequestKind Answers => Kind switch
    {
        BankReplyKind.AssetInquiryResult => BankRequestKind.AssetInquiry,
        BankReplyKind.FreezeResult => BankRequestKind.Freeze,
        BankReplyKind.DeductResult => BankRequestKind.Deduct,
        _ => BankRequestKind.Payout,
    };
}
