using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Enforcement;

/// <summary>
/// Paying held funds out to the creditor (法发〔2017〕6号): the officer proposes an amount no greater than what is held and not yet in
/// another payout, to the creditor's account; the division head decides, and above the court's threshold the president after; each
/// step is due within the court's working days and escalated when late; a refusal returns it to the officer with reasons. Once
/// approved, one instruction goes to the court's bank; its result closes it.
/// </summary>
public static class Payouts
{
    public static (CourtCase Case, CaseEvent Event) Propose(CourtCase c, Actor officer, decimal amount, PayeeAccount payee,
        DateTimeOffset at, EnforcementPolicy policy, DeadlineCalculator deadlines)
    {
        var e = EnforcementMeasures.Of(c);
        if (amount <= 0m || amount > e.Available)
            throw new DomainRuleException("payout-exceeds-held",
                $"The case holds {e.Available:0.00} yuan for the creditor not yet in a payout: a payout is at most that.", "amount");
        var payoutId = $"po{e.Payouts.Count + 1}";
        var payout = new Payout(payoutId, amount, payee, officer.UserId, at, PayoutStatus.AwaitingDivisionHead,
            StepDue(at, policy, deadlines), null, [], null, null, null, null);
        return EnforcementMeasures.Act(c, officer, at,
            $"Payout {payoutId} of {amount:0.00} yuan to {payee.Name} proposed; the division head decides"
            + (PayoutApproval.NeedsPresident(amount, policy) ? $", then the president (above {policy.PresidentApprovalAbove:0.00})" : ""),
            x => x with { Payouts = [.. x.Payouts, payout] }, deadlines, policy.SupervisionWorkingDays);
    }

    private static DateOnly StepDue(DateTimeOffset at, EnforcementPolicy policy, DeadlineCalculator deadlines) =>
        deadlines.Compute(ChinaTime.DateOf(at), policy.ApprovalStepWorkingDays, PeriodUnit.WorkingDays).LastDay;

    /// <summary>
    /// An approver decides the step the payout waits for, in the role that step needs (the wrong role is refused); approval by the
    /// last step makes its instruction to the court's bank (returned, to be sent).
    /// </summary>
    public static (CourtCase Case, CaseEvent Event, BankRequest? Request) Decide(CourtCase c, string payoutId, Actor approver,
        IReadOnlySet<string> roles, bool approve, string? reasons, DateTimeOffset at, EnforcementPolicy policy,
            DeadlineCalculator deadlines)
    {
        var e = EnforcementMeasures.Of(c);
        var payout = e.Payouts.FirstOrDefault(p => p.PayoutId == payoutId)
            ?? throw new DomainRuleException("no-such-payout", $"The case has no payout {payoutId}.");
        if (!payout.AwaitsDecision)
            throw new DomainRuleException("payout-not-awaiting-decision", $"Payout {payoutId} is {payout.Status}: it awaits no decision.");
        var role = PayoutApproval.RoleFor(payout.Status);
        if (!roles.Contains(role))
            throw new DomainRuleException("wrong-approver",
                $"Payout {payoutId} waits for the {role}'s decision ({PayoutApproval.Source}).");
        if (!approve && string.IsNullOrWhiteSpace(reasons))
            throw new DomainRuleException("refusal-needs-reasons", "A refused payout goes back to the officer with the reasons.",
                "reasons");
        var decision = new PayoutDecision(approver.UserId, role, approve, reasons, at);
        var next = !approve ? PayoutStatus.Refused
            : payout.Status == PayoutStatus.AwaitingDivisionHead && PayoutApproval.NeedsPresident(payout.Amount, policy)
                ? PayoutStatus.AwaitingPresident
                : PayoutStatus.Approved;
        BankRequest? request = null;
        var summary = e;
        if (next == PayoutStatus.Approved)
            (summary, request) = EnforcementMeasures.NewRequest(c, e, BankRequestKind.Payout, policy.CourtBank, at,
                r => r with { Amount = payout.Amount, CaseAccount = e.AccountNumber, Payee = payout.Payee });
        var decided = payout with
        {
            Status = next,
            Decisions = [.. payout.Decisions, decision],
            StepDueBy = next == PayoutStatus.AwaitingPresident ? StepDue(at, policy, deadlines) : payout.StepDueBy,
            EscalatedAt = next == PayoutStatus.AwaitingPresident ? null : payout.EscalatedAt,
            RequestId = request?.RequestId,
            Refusal = approve ? null : reasons,
        };
        var (changed, ev) = EnforcementMeasures.Result(c, approver, at,
            $"Payout {payoutId}: {(approve ? "approved" : "refused")} by the {role}" + (approve ? "" : $": {reasons}")
            + (next == PayoutStatus.AwaitingPresident ? "; the president decides next" : next == PayoutStatus.Approved
                ? $"; instruction {request!.RequestId} to {policy.CourtBank}" : "; returned to the officer"),
            _ => summary with { Payouts = summary.Payouts.Select(p => p.PayoutId == payoutId ? decided : p).ToList() });
        return (changed, ev, request);
    }

    public static string? Refusal(Payout p, BankReply reply) =>
        reply.Outcome == BankOutcome.Paid && reply.Amount is { } amount && amount != p.Amount
            ? $"payout-result-amount-differs: the bank reports {amount:0.00} paid, {p.Amount:0.00} was instructed"
            : null;

    public static EnforcementSummary Answer(EnforcementSummary e, Payout p, BankReply reply)
    {
        var paid = reply.Outcome == BankOutcome.Paid;
        var answered = p with
        {
            Status = paid ? PayoutStatus.Paid : PayoutStatus.Failed,
            PaidAt = paid ? reply.AnsweredAt : null,
            BankTransactionId = reply.BankTransactionId,
            Refusal = paid ? null : reply.Reason,
        };
        return e with
        {
            Payouts = e.Payouts.Select(x => x.PayoutId == p.PayoutId ? answered : x).ToList(),
            PaidOut = e.PaidOut + (paid ? p.Amount : 0m),
        };
    }

    /// <summary>Steps not decided by their day are escalated (to the president, and flagged in the command centre), once.</summary>
    public static (CourtCase Case, CaseEvent Event)? Escalate(CourtCase c, DateTimeOffset at)
    {
        if (c.Enforcement is not { } e) return null;
        var today = ChinaTime.DateOf(at);
        var late = e.Payouts.Where(p => p.AwaitsDecision && p.EscalatedAt is null && p.StepDueBy < today).Select(p =>
            p.PayoutId).ToHashSet();
        if (late.Count == 0) return null;
        return EnforcementMeasures.Result(c, Actor.System, at,
            $"Payout {string.Join(", ", late)} not decided in time: escalated ({PayoutApproval.Source})",
            x => x with { Payouts = x.Payouts.Select(p => late.Contains(p.PayoutId) ? p with { EscalatedAt = at } : p).ToList() });
    }

    /// <summary>The approver roles this module uses, for a caller's roles to be read against.</summary>
    public static IReadOnlyList<string> ApproverRoles { get; } = [Roles.DivisionHead, Roles.President];
}
