using ECourt.Domain.Cases;

namespace ECourt.Domain.Enforcement;

/// <summary>
/// A bank's reply applied to its enforcement case, once: to the inquiry, freeze, deduction or payout it answers. A reply that
/// answers no request of the case, comes from another bank, answers a measure already answered or closed (late), or reports more than
/// was asked is set aside: recorded with its reason, nothing applied.
/// </summary>
public static class BankReplies
{
    /// <summary>The case with the reply applied, or set aside with the reason why.</summary>
    public sealed record Applied((CourtCase Case, CaseEvent Event) Change, string? SetAside);

    public static Applied Apply(CourtCase c, BankRequest? request, BankReply reply, DateTimeOffset at)
    {
        var e = EnforcementMeasures.Of(c);
        var refusal = request is null ? $"unknown-request: case {c.CaseNumber} made no request {reply.RequestId}"
            : request.Kind != reply.Answers ? $"reply-kind-mismatch: {reply.Kind.WireName()} answers no {request.Kind.WireName()} request"
            : request.BankCode != reply.BankCode ? $"reply-from-other-bank: request {reply.RequestId} went to {request.BankCode}"
            : Check(e, reply);
        if (refusal is not null)
            return new Applied(EnforcementMeasures.Result(c, Actor.System, at,
                $"Reply of {reply.BankCode} to {reply.RequestId} set aside: {refusal}", x =>
                    x with { RepliesSetAside = x.RepliesSetAside + 1 }),
                refusal);
        var by = new Actor(reply.BankCode, "bank");
        return new Applied(reply.Answers switch
        {
            BankRequestKind.AssetInquiry => EnforcementMeasures.Result(c, by, at,
                $"{reply.BankCode} answered the inquiry: {reply.Accounts.Count} account(s), {reply.Accounts.Sum(a => a.Balance):0.00} yuan",
                x => AssetInquiries.Answer(x, reply, at)),
            BankRequestKind.Freeze => EnforcementMeasures.Result(c, by, at,
                $"{reply.BankCode}: freeze {reply.RequestId} {reply.Outcome.WireName()}"
                + (reply.Amount is { } f ? $" {f:0.00} yuan" : "") + (reply.Reason is { } r ? $" ({r})" : ""),
                x => Freezes.Answer(x, x.Freezes.Single(f => f.RequestId == reply.RequestId), reply)),
            BankRequestKind.Deduct => EnforcementMeasures.Result(c, by, at,
                $"{reply.BankCode}: deduction {reply.RequestId} {reply.Outcome.WireName()}" + (reply.Amount is { } d ? $" {d:0.00} yuan"
                    : ""),
                x => Deductions.Answer(x, x.Deductions.Single(d => d.RequestId == reply.RequestId), reply)),
            _ => EnforcementMeasures.Result(c, by, at,
                $"{reply.BankCode}: payout {reply.RequestId} {reply.Outcome.WireName()}" + (reply.Reason is { } p ? $" ({p})" : ""),
                x => Payouts.Answer(x, x.Payouts.Single(p => p.RequestId == reply.RequestId), reply) with { PayoutOverdueSince = null }),
        }, null);
    }

    /// <summary>Why the measure cannot take this answer now (answered or closed before, more than asked), or null.</summary>
    private static string? Check(EnforcementSummary e, BankReply reply) => reply.Answers switch
    {
        BankRequestKind.AssetInquiry => e.Inquiries.SelectMany(i => i.Banks.Select(b => (i, b))).FirstOrDefault(x =>
            x.b.RequestId == reply.RequestId)
            is var (inquiry, bank) && bank is not null
                ? bank.AnsweredAt is not null ? "duplicate-reply: the bank answered this inquiry already"
                    : !inquiry.IsOpen ? $"late-reply: inquiry {inquiry.InquiryId} closed at the end of its answer period" : null
                : "unknown-request: no inquiry made this request",
        BankRequestKind.Freeze => e.Freezes.FirstOrDefault(f => f.RequestId == reply.RequestId) is { } f
            ? f.Status != FreezeStatus.Requested ? $"duplicate-reply: freeze {f.RequestId} is {f.Status.WireName()} already"
                : Freezes.Refusal(f, reply)
            : "unknown-request: no freeze made this request",
        BankRequestKind.Deduct => e.Deductions.FirstOrDefault(d => d.RequestId == reply.RequestId) is { } d
            ? d.Status != DeductionStatus.Requested ? $"duplicate-reply: deduction {d.RequestId} is {d.Status.WireName()} already"
                : Deductions.Refusal(d, reply)
            : "unknown-request: no deduction made this request",
        _ => e.Payouts.FirstOrDefault(p => p.RequestId == reply.RequestId) is { } p
            ? p.Status != PayoutStatus.Approved ? $"duplicate-reply: payout {p.PayoutId} is {p.Status.WireName()} already"
                : Payouts.Refusal(p, reply)
            : "unknown-request: no payout made this request",
    };
}
