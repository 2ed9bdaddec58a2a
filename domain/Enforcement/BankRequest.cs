using System.Text.Json.Serialization;

namespace ECourt.Domain.Enforcement;

/// <summary>What the court asks a bank on topic bank-requests (API.md: "Bank request and reply messages").</summary>
public enum BankRequestKind
{
    /// <summary>Which accounts the case's debtors hold, with their balances (SPC Network Inquiry Provisions 2013).</summary>
    [JsonStringEnumMemberName("asset-inquiry")]
    AssetInquiry,
    /// <summary>Freeze an amount on a debtor's account until a day (SPC Interpretation art. 485).</summary>
    [JsonStringEnumMemberName("freeze")]
    Freeze,
    /// <summary>Deduct an amount from a frozen account into the enforcement case's account.</summary>
    [JsonStringEnumMemberName("deduct")]
    Deduct,
    /// <summary>Pay an approved amount from the enforcement case's account to the creditor's.</summary>
    [JsonStringEnumMemberName("payout")]
    Payout,
}

/// <summary>Whom an asset inquiry asks about: a debtor of the case, by name and identity number or credit code.</summary>
public sealed record InquirySubject(int PartyNumber, string Name, string IdKind, string IdNumber);

/// <summary>
/// One request to one bank, kept as a row of its enforcement case (its outbox) until it is sent, then as the record the reply is
/// checked against. <see cref="RequestId"/> is the message id and the bank's idempotency key: a request sent twice is one request.
/// The fields each kind uses: an inquiry its subjects; a freeze the account, amount and last day (and the freeze it renews); a
/// deduction the account, amount and the case's account; a payout the amount, the case's account and the creditor's account.
/// </summary>
public sealed record BankRequest(string RequestId, BankRequestKind Kind, string BankCode, string CaseId, string CaseNumber, string Court,
    DateTimeOffset CreatedAt)
{
    public IReadOnlyList<InquirySubject> Subjects { get; init; } = [];

    public string? AccountNumber { get; init; }

    public decimal? Amount { get; init; }

    public DateOnly? FrozenUntil { get; init; }

    public string? RenewsRequestId { get; init; }

    /// <summary>A deduction's and a payout's source or target: the enforcement case's own account.</summary>
    public string? CaseAccount { get; init; }

    public PayeeAccount? Payee { get; init; }

    /// <summary>When it went to the bank (null: still in the outbox).</summary>
    public DateTimeOffset? SentAt { get; init; }
}

/// <summary>The creditor's account a payout goes to.</summary>
public sealed record PayeeAccount(string Name, string AccountNumber, string BankName);
