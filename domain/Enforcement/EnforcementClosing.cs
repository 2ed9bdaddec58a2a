using ECourt.Domain.Cases;

namespace ECourt.Domain.Enforcement;

/// <summary>
/// The enforcement case closes (执行完毕) once the debtor has performed in full (the amount to recover and the fee, money received
/// and performance made directly) and the creditor's share is paid out, with no payout still open and the debtors off the dishonest
/// list; the fee's part of the money stays with the court.
/// </summary>
public static class EnforcementClosing
{
    public static bool IsDone(EnforcementSummary e) =>
        e.PerformedInFull && e.PaidOut + e.PerformedDirectly >= e.AmountToRecover && !e.Payouts.Any(p => p.IsOpen)
        && !e.Listings.Any(l => l.InForce || !l.PublicListCurrent);

    public static (CourtCase Case, CaseEvent Event)? CloseIfDone(CourtCase c, DateTimeOffset at)
    {
        if (c.Status != CaseStatus.Enforcing || c.Enforcement is not { } e || !IsDone(e)) return null;
        return c.Transition(EnforcementActions.CloseEnforcement, Actor.System, at,
            $"Performed in full ({e.Performed:0.00} of {e.Owed:0.00} yuan, the fee {e.Fee:0.00} included); {e.PaidOut:0.00} paid out to "
                + $"the "
            + "creditor: enforcement closed");
    }
}
