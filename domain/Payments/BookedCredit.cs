namespace ECourt.Domain.Payments;

/// <summary>
/// A credit as the court booked it, in the funds register: to a case's ledger (Holder = the case's court,
/// CaseId set) or, when it matched no open case, to suspense (Holder = <see cref="FundsHolder.Suspense"/>).
/// </summary>
public sealed record BookedCredit(string BankCode, string BankTransactionId, string AccountNumber, decimal Amount, DateTimeOffset BookedAt,
    string Holder, string? CaseId)
{
    public string Key => BankCredit.MessageIdFor(BankCode, BankTransactionId);

    public static BookedCredit ToCase(BankCredit credit, string court, string caseId) =>
        new(credit.BankCode, credit.BankTransactionId, credit.AccountNumber, credit.Amount, credit.BookedAt, court, caseId);

    public static BookedCredit ToSuspense(BankCredit credit) =>
        new(credit.BankCode, credit.BankTransactionId, credit.AccountNumber, credit.Amount, credit.BookedAt, FundsHolder.Suspense, null);
}

/// <summary>Who holds money the court received: a court (by its code) for its cases, or the suspense ledger.</summary>
public static class FundsHolder
{
    public const string Suspense = "suspense";
}

/// <summary>What a holder holds now: the money and the number of credits it came in.</summary>
public sealed record FundsTotal(string Holder, decimal Held, long Credits);
