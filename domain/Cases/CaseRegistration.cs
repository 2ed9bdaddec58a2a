using ECourt.Domain.Numbering;

namespace ECourt.Domain.Cases;

/// <summary>
/// Registration: the case gets its number and its own account, and the fee notice is issued.
/// </summary>
public sealed class CaseRegistration(FeeCollection fees)
{
    public (CourtCase Case, CaseEvent Event) Register(CourtCase filing, Actor by, DateTimeOffset at, CaseNumber number, string accountNumber, bool onReviewDeadline, Courts.Court court)
    {
        var action = onReviewDeadline ? CaseAction.RegisterOnReviewDeadline : CaseAction.RegisterCase;
        CaseTransitions.Target(filing.Status, action);
        var notice = fees.IssueNotice(filing, accountNumber, at, court);
        var reason = onReviewDeadline
            ? $"Undecided by the end of {filing.Review!.Deadline.LastDay:yyyy-MM-dd}: registered first as {number}"
            : $"Registered as {number}";
        reason += $"; fee notice {Fees.Yuan.Format(notice.AmountDue)} to account {accountNumber}";
        if (notice.DueDate is { } due) reason += $", due {due:yyyy-MM-dd}";
        return filing.Transition(action, by, at, reason, c => c with
        {
            CaseNumber = number.ToString(),
            RegisteredAt = at,
            FeeNotice = notice,
            Review = c.Review! with { RegisteredOnDeadline = onReviewDeadline },
        });
    }
}
