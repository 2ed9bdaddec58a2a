using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Enforcement;

/// <summary>The ruling closing the present enforcement procedure (终结本次执行), and the reopening that ends it.</summary>
public sealed record ClosedForNow(DateTimeOffset At, string By, string RulingDocumentId, DateOnly CreditorHeardOn, string Reason,
    DateTimeOffset? ReopenedAt = null, string? ReopenReason = null);

/// <summary>
/// Closing the present enforcement procedure when nothing is found to enforce (SPC Provisions on Closing the Present Enforcement
/// Procedure, 2016, arts. 1, 4–5): at least 3 months after filing, every inquiry answered or closed (at least one made), a consumption
/// restriction in force, the creditor heard, by a ruling; the case reopens when property is found (art. 9), on the officer's act.
/// </summary>
public static class ClosingForNow
{
    public const string Source = "SPC Provisions on Strictly Regulating the Closing of the Present Enforcement Procedure (2016)";

    public const int MonthsAfterFiling = 3;

    public static (CourtCase Case, CaseEvent Event) Close(CourtCase c, Actor officer, string rulingDocumentId, DateOnly creditorHeardOn,
        string reason, DateTimeOffset at)
    {
        var e = EnforcementMeasures.Of(c);
        var today = ChinaTime.DateOf(at);
        var earliest = ChinaTime.DateOf(e.FiledAt).AddMonths(MonthsAfterFiling);
        if (today < earliest)
            throw new DomainRuleException("closing-too-early",
                $"The present procedure is closed at least 3 months after filing: from {earliest:yyyy-MM-dd} ({Source} art. 1).");
        if (e.Inquiries.Count == 0 || e.Inquiries.Any(i => i.IsOpen))
            throw new DomainRuleException("inquiries-not-done",
                $"Every network inquiry is done before the present procedure is closed ({Source} art. 1(3)).");
        if (!e.Listings.Any(l => l.Restriction.InForce))
            throw new DomainRuleException("no-consumption-restriction",
                $"A consumption restriction order is in force before the present procedure is closed ({Source} art. 1(2)).");
        if (creditorHeardOn > today)
            throw new DomainRuleException("creditor-not-heard", "The creditor is heard before the ruling, not after.", "creditorHeardOn");
        return c.Transition(EnforcementActions.CloseForNow, officer, at,
            $"The present enforcement procedure closed by ruling {rulingDocumentId}, the creditor heard on {creditorHeardOn:yyyy-MM-dd}: "
            + reason,
            x => x.WithEnforcement(e with
            {
                ClosedForNow = new ClosedForNow(at, officer.UserId, rulingDocumentId, creditorHeardOn,
                reason)
            }));
    }

    /// <summary>Property is found: the case is enforced again (art. 9), the time limit running again from the reopening.</summary>
    public static (CourtCase Case, CaseEvent Event) Reopen(CourtCase c, Actor officer, string reason, DateTimeOffset at,
        DeadlineCalculator deadlines, int supervisionWorkingDays)
    {
        var e = EnforcementMeasures.Of(c);
        var closed = e.ClosedForNow ?? throw new DomainRuleException("transition-not-allowed", "The case was not closed for now.");
        var from = ChinaTime.DateOf(at);
        return c.Transition(EnforcementActions.Reopen, officer, at, $"Enforcement resumed: {reason} ({Source} art. 9)",
            x => x.WithEnforcement(e with
            {
                ClosedForNow = closed with { ReopenedAt = at, ReopenReason = reason },
                LimitLastDay = EnforcementTimeLimits.Limit(deadlines, from, extended: false).LastDay,
                LimitExceededAt = null,
                LastActionAt = at,
                SuperviseFrom = deadlines.Compute(from, supervisionWorkingDays, PeriodUnit.WorkingDays).LastDay,
                SupervisedSince = null,
            }));
    }
}
