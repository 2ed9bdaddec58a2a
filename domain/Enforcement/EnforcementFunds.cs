using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Payments;

namespace ECourt.Domain.Enforcement;

/// <summary>
/// The money of an enforcement case: each credit to its account is a fund arrival, noticed on the day it is booked; funds are paid
/// out within 30 days of that notice (法发〔2017〕6号 art. 17), oldest first, the creditor's share first and the fee last. A payout
/// not made by then is flagged overdue, once, until the funds are paid out.
/// </summary>
public static class EnforcementFunds
{
    public static (CourtCase Case, CaseEvent Event) Credit(CourtCase c, FeeCredit credit, DateTimeOffset at)
    {
        var e = EnforcementMeasures.Of(c);
        var arrival = new FundsArrival(credit.Key, credit.Amount, ChinaTime.DateOf(credit.BookedAt));
        return c.Record("EnforcementFundsReceived", Actor.System, at,
            $"{credit.Amount:0.00} yuan received into the case's account ({credit.BankCode} {credit.BankTransactionId})",
            x =>
            {
                var received = e with { Arrivals = [.. e.Arrivals, arrival] };
                return x.WithEnforcement(received with
                {
                    FullyPerformedAt = received.FullyPerformedAt ?? (received.PerformedInFull ? at
                    : null)
                });
            });
    }

    /// <summary>
    /// The oldest arrival whose creditor's share is not yet paid out: its 30 days are the payout deadline. Money beyond the amount to
    /// recover is the fee (the court's), with no payout deadline.
    /// </summary>
    public static FundsArrival? OldestUnpaid(EnforcementSummary e)
    {
        var covered = e.PaidOut;
        var toCreditor = e.AmountToRecover - e.PerformedDirectly;
        var counted = 0m;
        foreach (var a in e.Arrivals.OrderBy(a => a.NoticedOn))
        {
            var share = Math.Min(a.Amount, Math.Max(0m, toCreditor - counted));
            counted += a.Amount;
            if (share <= 0m) return null;
            if (covered >= share)
            {
                covered -= share;
                continue;
            }
            return a;
        }
        return null;
    }

    public static Deadline? PayoutDue(EnforcementSummary e, DeadlineCalculator deadlines) =>
        OldestUnpaid(e) is { } a ? EnforcementTimeLimits.Payout(deadlines, a.NoticedOn) : null;

    public static (CourtCase Case, CaseEvent Event)? FlagOverdue(CourtCase c, DateTimeOffset at, DeadlineCalculator deadlines)
    {
        if (c.Enforcement is not { PayoutOverdueSince: null } e || PayoutDue(e, deadlines) is not { } due || due.EndsAt > at
            || PayoutDeferrals.Defers(e, ChinaTime.DateOf(at))) return null;
        return EnforcementMeasures.Result(c, Actor.System, at,
            $"Funds noticed on {due.Start:yyyy-MM-dd} not paid out within 30 days ({EnforcementTimeLimits.PayoutSource}): overdue",
            x => x with { PayoutOverdueSince = at });
    }
}
