using ECourt.Domain.Cases;
using ECourt.Domain.Fees;
using ECourt.Domain.Money;
using ECourt.Domain.Numbering;

namespace ECourt.Domain.Filing;

/// <summary>
/// Registration: the case gets its number and its own account, and the fee notice is issued (the fee stage's
/// <see cref="FeeCollection.IssueNotice"/>: registration is where a case enters the fee stage).
/// </summary>
public sealed class CaseRegistration(FeeCollection fees)
{
    public (CourtCase Case, CaseEvent Event) Register(CourtCase filing, Actor by, DateTimeOffset at, CaseNumber number, string accountNumber, bool onReviewDeadline, Courts.Court court)
    {
        var action = onReviewDeadline ? FilingActions.RegisterOnReviewDeadline : FilingActions.RegisterCase;
        CaseTransitions.Target(filing.Status, action);
        var notice = fees.IssueNotice(filing, accountNumber, at, court);
        var reason = onReviewDeadline
            ? $"Undecided by the end of {filing.Review!.Deadline.LastDay:yyyy-MM-dd}: registered first as {number}"
            : $"Registered as {number}";
        reason += $"; fee notice {Yuan.Format(notice.AmountDue)} to account {accountNumber}";
        if (notice.DueDate is { } due) reason += $", due {due:yyyy-MM-dd}";
        return filing.Transition(action, by, at, reason, c => (c with { CaseNumber = number.ToString(), RegisteredAt = at })
            .With(notice)
            .With(c.Review! with { RegisteredOnDeadline = onReviewDeadline }));
    }
}
