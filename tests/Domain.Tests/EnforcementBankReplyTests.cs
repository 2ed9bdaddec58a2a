using ECourt.Domain.Access;
using ECourt.Domain.Cases;
using ECourt.Domain.Enforcement;
using static ECourt.Domain.Tests.EnforcementTestCases;

namespace ECourt.Domain.Tests;

/// <summary>
/// A bank's reply is applied once, to the measure it answers (issue 19: "a late or duplicate reply, a reply for an unknown request,
/// a freeze result larger than asked: ignored or refused with the reason recorded, nothing applied twice"). A reply set aside is
/// counted, its reason starting with the rule's name, and changes nothing else.
/// </summary>
public class EnforcementBankReplyTests
{
    private static readonly DateTimeOffset At = China("2026-09-30T10:00");

    private static BankReply Reply(BankRequest request, BankReplyKind kind, BankOutcome outcome, decimal? amount = null,
        string? bank = null) =>
        new(kind, request.RequestId, bank ?? request.BankCode, outcome, At) { Amount = amount, BankTransactionId = "btx9" };

    /// <summary>The reply set aside: its reason starts with the rule, the case counts it, nothing else changes.</summary>
    private static string SetAside(CourtCase c, BankRequest? request, BankReply reply, string rule)
    {
        var applied = BankReplies.Apply(c, request, reply, At);
        Assert.NotNull(applied.SetAside);
        Assert.StartsWith(rule + ":", applied.SetAside);
        var before = c.Enforcement!;
        Assert.Equal(before with { RepliesSetAside = before.RepliesSetAside + 1 }, applied.Change.Case.Enforcement);
        Assert.Equal(EnforcementActions.RecordEnforcementResult.Name, applied.Change.Event.Action);
        Assert.Contains(applied.SetAside, applied.Change.Event.Reason);
        return applied.SetAside;
    }

    private static (CourtCase Case, BankRequest Request) FreezeAsked()
    {
        var (c, _, request) = Freezes.Request(Enforcing(), Officer, "CCB", "6217990000000000001", 2, 40_000m, new DateOnly(2027, 6, 30),
            null,
            China("2026-09-29T10:00"), Policy, Calc);
        return (c, request);
    }

    [Fact]
    public void UnknownRequest_SetAside()
    {
        var (c, request) = FreezeAsked();
        SetAside(c, null, Reply(request, BankReplyKind.FreezeResult, BankOutcome.Frozen, 40_000m), "unknown-request");
        // A request the outbox knows but no freeze of the case made.
        var stray = request with { RequestId = BankRequestIds.For(c.CaseId, 99) };
        SetAside(c, stray, Reply(stray, BankReplyKind.FreezeResult, BankOutcome.Frozen, 40_000m), "unknown-request");
    }

    [Fact]
    public void ReplyKindMismatch_SetAside()
    {
        var (c, request) = FreezeAsked();
        SetAside(c, request, Reply(request, BankReplyKind.DeductResult, BankOutcome.Deducted, 40_000m), "reply-kind-mismatch");
        SetAside(c, request, Reply(request, BankReplyKind.AssetInquiryResult, BankOutcome.Answered), "reply-kind-mismatch");
    }

    [Fact]
    public void ReplyFromAnotherBank_SetAside()
    {
        var (c, request) = FreezeAsked();
        SetAside(c, request, Reply(request, BankReplyKind.FreezeResult, BankOutcome.Frozen, 40_000m, bank: "ABC"), "reply-from-other-bank");
    }

    [Fact]
    public void Duplicate_SetAside_NothingAppliedTwice()
    {
        var (c, request) = FreezeAsked();
        var frozen = Answered(c, request, BankReplyKind.FreezeResult, BankOutcome.Frozen, "2026-09-29T15:00", 40_000m);
        SetAside(frozen, request, Reply(request, BankReplyKind.FreezeResult, BankOutcome.Frozen, 40_000m), "duplicate-reply");
        // A deduction answered twice is added once.
        var (asked, _, deduction) = Deductions.Request(frozen, Officer, request.RequestId, 10_000m, At, Policy, Calc);
        var deducted = Answered(asked, deduction, BankReplyKind.DeductResult, BankOutcome.Deducted, "2026-09-30T11:00", 10_000m);
        SetAside(deducted, deduction, Reply(deduction, BankReplyKind.DeductResult, BankOutcome.Deducted, 10_000m), "duplicate-reply");
        Assert.Equal(10_000m, deducted.Enforcement!.Freezes[0].Deducted);
    }

    [Fact]
    public void Duplicate_InquiryAnswer_SetAside()
    {
        var (c, _, requests) = AssetInquiries.Start(Enforcing(), Officer, null, China("2026-09-28T10:00"), Policy, Calc);
        var answered = Answered(c, requests[0], BankReplyKind.AssetInquiryResult, BankOutcome.Answered, "2026-09-29T10:00", null);
        SetAside(answered, requests[0], Reply(requests[0], BankReplyKind.AssetInquiryResult, BankOutcome.Answered), "duplicate-reply");
    }

    [Fact]
    public void Late_InquiryClosedAtTheEndOfItsPeriod_SetAside()
    {
        // Started Mon 2026-09-28: answers by Thu 10-08 (7 days end on Mon 10-05, a holiday); closed on 10-09 with all three silent.
        var (c, _, requests) = AssetInquiries.Start(Enforcing(), Officer, null, China("2026-09-28T10:00"), Policy, Calc);
        var closed = AssetInquiries.CloseDue(c, China("2026-10-09T00:00"))!.Value.Case;
        var reason = SetAside(closed, requests[1], Reply(requests[1], BankReplyKind.AssetInquiryResult, BankOutcome.Answered),
            "late-reply");
        Assert.Contains("in1", reason);
    }

    [Fact]
    public void FreezeResult_LargerOrLongerThanAsked_SetAside()
    {
        var (c, request) = FreezeAsked();
        SetAside(c, request, Reply(request, BankReplyKind.FreezeResult, BankOutcome.Frozen, 40_000.01m), "freeze-result-exceeds-request");
        var longer = Reply(request, BankReplyKind.FreezeResult, BankOutcome.Frozen, 40_000m) with
        {
            FrozenUntil = new DateOnly(2027, 7, 1),
        };
        SetAside(c, request, longer, "freeze-result-exceeds-term");
        Assert.Null(Freezes.Refusal(c.Enforcement!.Freezes[0], Reply(request, BankReplyKind.FreezeResult, BankOutcome.Frozen, 40_000m)));
    }

    [Fact]
    public void DeductResult_LargerThanAsked_SetAside()
    {
        var (c, request) = FreezeAsked();
        var frozen = Answered(c, request, BankReplyKind.FreezeResult, BankOutcome.Frozen, "2026-09-29T15:00", 40_000m);
        var (asked, _, deduction) = Deductions.Request(frozen, Officer, request.RequestId, 10_000m, At, Policy, Calc);
        SetAside(asked, deduction, Reply(deduction, BankReplyKind.DeductResult, BankOutcome.Deducted, 10_000.01m),
            "deduct-result-exceeds-request");
    }

    [Fact]
    public void PayoutResult_AnotherAmount_OrTwice_SetAside()
    {
        var c = Enforcing().Credited(101_400m, "2026-09-28T10:00");
        c = Payouts.Propose(c, Officer, 60_000m, Payee, At, Policy, Calc).Case;
        var (approved, _, request) = Payouts.Decide(c, "po1", DivisionHead, new HashSet<string> { Roles.DivisionHead }, true, null, At,
            Policy, Calc);
        SetAside(approved, request!, Reply(request!, BankReplyKind.PayoutResult, BankOutcome.Paid, 60_000.01m),
            "payout-result-amount-differs");
        var paid = Answered(approved, request!, BankReplyKind.PayoutResult, BankOutcome.Paid, "2026-10-01T10:00", 60_000m);
        SetAside(paid, request!, Reply(request!, BankReplyKind.PayoutResult, BankOutcome.Paid, 60_000m), "duplicate-reply");
        Assert.Equal(60_000m, paid.Enforcement!.PaidOut);
    }
}
