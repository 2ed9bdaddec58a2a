using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Enforcement;

/// <summary>
/// Deducting (扣划) from a frozen account into the enforcement case's own account (CPL art. 253): at most what the freeze still holds;
/// the money itself arrives as a credit to the case's account through the banks' credits, like any payment.
/// </summary>
public static class Deductions
{
    public static (CourtCase Case, CaseEvent Event, BankRequest Request) Request(CourtCase c, Actor officer, string freezeRequestId,
        decimal amount, DateTimeOffset at, EnforcementPolicy policy, DeadlineCalculator deadlines)
    {
        var e = EnforcementMeasures.Of(c);
        var freeze = e.Freezes.FirstOrDefault(f => f.RequestId == freezeRequestId && f.Status == FreezeStatus.Frozen)
            ?? throw new DomainRuleException("freeze-not-in-force",
                $"Freeze {freezeRequestId} is not in force: money is deducted from a frozen account.", "freezeRequestId");
        var pending = e.Deductions.Where(d => d.FreezeRequestId == freezeRequestId && d.Status == DeductionStatus.Requested).Sum(d =>
            d.Amount);
        var left = freeze.Frozen - freeze.Deducted - pending;
        if (amount > left)
            throw new DomainRuleException("deduction-exceeds-freeze",
                $"Freeze {freezeRequestId} holds {left:0.00} yuan not yet deducted or asked: at most that is deducted.", "amount");
        var (summary, request) = EnforcementMeasures.NewRequest(c, e, BankRequestKind.Deduct, freeze.BankCode, at,
            r => r with { AccountNumber = freeze.AccountNumber, Amount = amount, CaseAccount = e.AccountNumber });
        var deduction = new Deduction(request.RequestId, freezeRequestId, freeze.BankCode, freeze.AccountNumber, amount,
            DeductionStatus.Requested, null, null);
        var (changed, ev) = EnforcementMeasures.Act(c, officer, at,
            $"Deduction of {amount:0.00} yuan from account {freeze.AccountNumber} at {freeze.BankCode} into the case's account",
            _ => summary with { Deductions = [.. summary.Deductions, deduction] }, deadlines, policy.SupervisionWorkingDays);
        return (changed, ev, request);
    }

    public static string? Refusal(Deduction d, BankReply reply) =>
        reply.Outcome == BankOutcome.Deducted && reply.Amount is { } amount && amount > d.Amount
            ? $"deduct-result-exceeds-request: the bank reports {amount:0.00} deducted, {d.Amount:0.00} was asked"
            : null;

    public static EnforcementSummary Answer(EnforcementSummary e, Deduction d, BankReply reply)
    {
        var done = reply.Outcome == BankOutcome.Deducted;
        var amount = done ? reply.Amount ?? d.Amount : 0m;
        var answered = d with
        {
            Status = done ? DeductionStatus.Deducted : DeductionStatus.Refused,
            Amount = done ? amount : d.Amount,
            BankTransactionId = reply.BankTransactionId,
            Refusal = done ? null : reply.Reason,
        };
        return e with
        {
            Deductions = e.Deductions.Select(x => x.RequestId == d.RequestId ? answered : x).ToList(),
            Freezes = e.Freezes.Select(f => f.RequestId == d.FreezeRequestId ? f with { Deducted = f.Deducted + amount } : f).ToList(),
        };
    }
}
