namespace ECourt.Domain.Judgments;

/// <summary>
/// One order of the judgment: the debtor party performs for the creditor party (an amount of money, or what the text says) within
/// <see cref="PerformWithinDays"/> of the day the judgment takes effect (none: at once). Enforcement reads its performance deadline.
/// </summary>
public sealed record JudgmentOrder(int Debtor, int Creditor, decimal? Amount, int? PerformWithinDays, string Text);

/// <summary>The part of the litigation fee a party bears (Measures art. 29: the losing party bears it, or the parties in shares).</summary>
public sealed record CostShare(int PartyNumber, decimal Amount);
