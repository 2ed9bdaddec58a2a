using ECourt.Domain.Cases;
using ECourt.Domain.Enforcement;
using static ECourt.Domain.Tests.EnforcementTestCases;

namespace ECourt.Domain.Tests;

/// <summary>
/// Network asset inquiry (SPC Provisions on Network Inquiry and Control of Deposits, 2013, arts. 3–5): one request per configured
/// bank, only about the case's debtors, one inquiry open at a time, closed when every bank answered or at the end of its answer
/// period (art. 85 counting) with the silent banks named.
/// </summary>
public class EnforcementInquiryTests
{
    private static CourtCase TwoDebtors() => Opened("2026-09-24T10:00", Original(CaseStatus.Effective,
        new Ordered(2, 4, 60_000m, "2026-08-20"), new Ordered(3, 4, 40_000m, "2026-08-20")));

    private static (CourtCase Case, IReadOnlyList<BankRequest> Requests) Started(CourtCase c, IReadOnlyList<int>? debtors = null,
        string at = "2026-09-28T10:00")
    {
        var (started, _, requests) = AssetInquiries.Start(c, Officer, debtors, China(at), Policy, Calc);
        return (started, requests);
    }

    private static CourtCase Answer(CourtCase c, BankRequest request, string at, params FoundAccount[] accounts)
    {
        var reply = new BankReply(BankReplyKind.AssetInquiryResult, request.RequestId, request.BankCode, BankOutcome.Answered, China(at))
        {
            Accounts = accounts,
        };
        var applied = BankReplies.Apply(c, request, reply, China(at));
        Assert.Null(applied.SetAside);
        return applied.Change.Case;
    }

    [Fact]
    public void OneRequestPerConfiguredBank_AboutEveryDebtor_ByIdNumberOrCreditCode()
    {
        var c = TwoDebtors();
        var (started, requests) = Started(c);
        Assert.Equal(["ICBC", "CCB", "ABC"], requests.Select(r => r.BankCode).ToList());
        Assert.All(requests, r => Assert.Equal((BankRequestKind.AssetInquiry, c.CaseId, "（2026）黑01执7号"), (r.Kind, r.CaseId, r.CaseNumber)));
        Assert.Equal([BankRequestIds.For(c.CaseId, 1), BankRequestIds.For(c.CaseId, 2), BankRequestIds.For(c.CaseId, 3)],
            requests.Select(r => r.RequestId).ToList());
        Assert.Equal([(2, "王建国", "resident-id", WangId), (3, "哈尔滨某商贸有限公司", "credit-code", CompanyCode)],
            requests[0].Subjects.Select(s => (s.PartyNumber, s.Name, s.IdKind, s.IdNumber)).ToList());
        var s = started.Enforcement!;
        Assert.Equal(3, s.RequestsMade);
        Assert.Equal(requests.Select(r => r.RequestId).ToList(), s.Unsent);
        var inquiry = Assert.Single(s.Inquiries);
        Assert.Equal(("in1", true, 3), (inquiry.InquiryId, inquiry.IsOpen, inquiry.Silent.Count()));
        // Started Mon 2026-09-28 with 7 days to answer: the 7th day is Mon 10-05, in the National Day holiday: Thu 10-08.
        Assert.Equal(new DateOnly(2026, 10, 8), inquiry.AnswerBy);
        // An officer's act: the supervision clock starts again from it.
        Assert.Equal(China("2026-09-28T10:00"), s.LastActionAt);
    }

    [Fact]
    public void OnlyTheCase_sDebtors()
    {
        var c = TwoDebtors();
        // Party 1 is the creditor; party 4 is no party of the enforcement case.
        Assert.Equal("not-a-debtor", Rule(() => AssetInquiries.Start(c, Officer, [1], China("2026-09-28T10:00"), Policy, Calc)));
        Assert.Equal("not-a-debtor", Rule(() => AssetInquiries.Start(c, Officer, [2, 4], China("2026-09-28T10:00"), Policy, Calc)));
        var (_, requests) = Started(c, [3]);
        Assert.Equal([3], requests[0].Subjects.Select(s => s.PartyNumber).ToList());
    }

    [Fact]
    public void OneInquiryOpenAtATime_ClosedWhenEveryBankAnswered()
    {
        var (c, requests) = Started(TwoDebtors());
        Assert.Equal("inquiry-open", Rule(() => AssetInquiries.Start(c, Officer, null, China("2026-09-29T10:00"), Policy, Calc)));
        c = Answer(c, requests[0], "2026-09-28T15:00", new FoundAccount(2, "6222000011112222", "deposit", 35_000.50m),
            new FoundAccount(3, "6222000033334444", "deposit", 12_000m));
        c = Answer(c, requests[1], "2026-09-29T09:00");
        var open = Assert.Single(c.Enforcement!.Inquiries);
        Assert.True(open.IsOpen);
        Assert.Equal(["ABC"], open.Silent.Select(b => b.BankCode).ToList());
        Assert.Equal((2, 47_000.50m), (open.Banks[0].AccountsFound, open.Banks[0].BalanceFound));
        c = Answer(c, requests[2], "2026-09-30T09:00");
        var closed = Assert.Single(c.Enforcement!.Inquiries);
        Assert.Equal(China("2026-09-30T09:00"), closed.ClosedAt);
        Assert.Empty(closed.Silent);
        Assert.Null(AssetInquiries.CloseDue(c, China("2026-10-09T00:00")));
        var (again, next) = Started(c, at: "2026-10-09T10:00");
        Assert.Equal("in2", again.Enforcement!.Inquiries[1].InquiryId);
        Assert.Equal(BankRequestIds.For(c.CaseId, 4), next[0].RequestId);
    }

    [Fact]
    public void CloseDue_AfterTheAnswerPeriod_NamesTheSilentBanks()
    {
        var (c, requests) = Started(TwoDebtors());
        c = Answer(c, requests[0], "2026-09-30T09:00");
        // The period ends at 24:00 on Thu 10-08.
        Assert.Null(AssetInquiries.CloseDue(c, China("2026-10-08T23:59")));
        var (closed, e) = AssetInquiries.CloseDue(c, China("2026-10-09T00:00"))!.Value;
        Assert.Contains("never answered: CCB, ABC", e.Reason);
        var inquiry = Assert.Single(closed.Enforcement!.Inquiries);
        Assert.Equal(China("2026-10-09T00:00"), inquiry.ClosedAt);
        Assert.Equal(["CCB", "ABC"], inquiry.Silent.Select(b => b.BankCode).ToList());
        Assert.Equal(CaseStatus.Enforcing, closed.Status);
        Assert.Null(AssetInquiries.CloseDue(closed, China("2026-10-10T00:00")));
    }

    [Fact]
    public void AnsweredRefused_RecordsTheBank_sReason()
    {
        var (c, requests) = Started(TwoDebtors());
        var reply = new BankReply(BankReplyKind.AssetInquiryResult, requests[1].RequestId, "CCB", BankOutcome.Refused,
            China("2026-09-29T09:00"))
        {
            Reason = "subject-unknown",
        };
        var answered = BankReplies.Apply(c, requests[1], reply, China("2026-09-29T09:00")).Change.Case;
        var bank = answered.Enforcement!.Inquiries[0].Banks[1];
        Assert.Equal(("CCB", "subject-unknown", 0), (bank.BankCode, bank.Refusal, bank.AccountsFound));
        Assert.NotNull(bank.AnsweredAt);
    }


    [Fact]
    public void InquiryAboutParty0_RefusedAsNotADebtor()
    {
        // Party numbers start at 1: 0 names no debtor of the case.
        Assert.Equal("not-a-debtor", Rule(() => AssetInquiries.Start(TwoDebtors(), Officer, [0], China("2026-09-28T10:00"), Policy, Calc)));
    }
}
