namespace ECourt.Domain.Enforcement;

/// <summary>
/// One network inquiry (网络查控): one request per configured bank about the case's debtors, answered asynchronously; it closes when
/// every bank answered or its answer period ended, and records the banks that never answered.
/// </summary>
public sealed record AssetInquiry(string InquiryId, string By, DateTimeOffset At, DateOnly AnswerBy, IReadOnlyList<InquiryBank> Banks,
    DateTimeOffset? ClosedAt)
{
    public bool IsOpen => ClosedAt is null;

    public IEnumerable<InquiryBank> Silent => Banks.Where(b => b.AnsweredAt is null);
}

/// <summary>One bank's part of an inquiry: its request, when it answered, and what it found (the accounts are the reply's row).</summary>
public sealed record InquiryBank(string BankCode, string RequestId, DateTimeOffset? AnsweredAt, int AccountsFound, decimal BalanceFound,
    string? Refusal = null);
