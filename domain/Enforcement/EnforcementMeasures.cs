using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Enforcement;

/// <summary>
/// What every measure of the officer shares: it is an act in an open enforcement case (refused otherwise), it resets the
/// supervision clock, and the requests it makes are numbered within the case and go to the outbox.
/// </summary>
public static class EnforcementMeasures
{
    public static EnforcementSummary Of(CourtCase c) =>
        c.Enforcement ?? throw new DomainRuleException("not-an-enforcement-case", $"Case {c.CaseId} is not an enforcement case.");

    /// <summary>An officer's act: recorded within the open case, the supervision clock starting again from it.</summary>
    public static (CourtCase Case, CaseEvent Event) Act(CourtCase c, Actor officer, DateTimeOffset at, string reason,
        Func<EnforcementSummary, EnforcementSummary> change, DeadlineCalculator deadlines, int supervisionWorkingDays)
    {
        Of(c);
        CaseTransitions.Target(c.Status, EnforcementActions.Enforce);
        var from = ChinaTime.DateOf(at);
        return c.Transition(EnforcementActions.Enforce, officer, at, reason, x => x.WithEnforcement(change(Of(x)) with
        {
            LastActionAt = at,
            SuperviseFrom = deadlines.Compute(from, supervisionWorkingDays, PeriodUnit.WorkingDays).LastDay,
            SupervisedSince = null,
        }));
    }

    /// <summary>A result recorded (a bank's answer, an approver's decision, a deadline kept): no act of the officer.</summary>
    public static (CourtCase Case, CaseEvent Event) Result(CourtCase c, Actor by, DateTimeOffset at, string reason,
        Func<EnforcementSummary, EnforcementSummary> change)
    {
        Of(c);
        return c.Transition(EnforcementActions.RecordEnforcementResult, by, at, reason, x => x.WithEnforcement(change(Of(x))));
    }

    /// <summary>A new request of the case, numbered after the last, put in the outbox.</summary>
    public static (EnforcementSummary Summary, BankRequest Request) NewRequest(CourtCase c, EnforcementSummary e, BankRequestKind kind,
        string bankCode, DateTimeOffset at, Func<BankRequest, BankRequest> details)
    {
        var number = e.RequestsMade + 1;
        var request = details(new BankRequest(BankRequestIds.For(c.CaseId, number), kind, bankCode, c.CaseId, c.CaseNumber!, c.Court, at));
        return (e with { RequestsMade = number, Unsent = [.. e.Unsent, request.RequestId] }, request);
    }

    /// <summary>The outbox's requests sent: taken off the list of unsent.</summary>
    public static (CourtCase Case, CaseEvent Event)? Sent(CourtCase c, IReadOnlyCollection<string> requestIds, DateTimeOffset at)
    {
        if (c.Enforcement is not { } e || !e.Unsent.Any(requestIds.Contains)) return null;
        return c.Record("BankRequestsSent", Actor.System, at, $"{requestIds.Count} request(s) sent to the banks",
            x => x.WithEnforcement(e with { Unsent = e.Unsent.Where(id => !requestIds.Contains(id)).ToList() }));
    }
}
