using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Parties;

namespace ECourt.Domain.Enforcement;

/// <summary>
/// Network inquiry (SPC Network Inquiry Provisions 2013): only for a filed enforcement case, only about its debtors, by its
/// officer; one request per configured bank; the answers come when they come, and the inquiry closes when every bank answered or
/// its answer period ended, naming the banks that never answered.
/// </summary>
public static class AssetInquiries
{
    public const string Source = "SPC Provisions on Network Inquiry and Control of Deposits (2013) arts. 3–5";

    public static (CourtCase Case, CaseEvent Event, IReadOnlyList<BankRequest> Requests) Start(CourtCase c, Actor officer,
        IReadOnlyList<int>? debtors, DateTimeOffset at, EnforcementPolicy policy, DeadlineCalculator deadlines)
    {
        var e = EnforcementMeasures.Of(c);
        var asked = debtors is { Count: > 0 } ? debtors.Distinct().Order().ToList() : e.Debtors.ToList();
        if (asked.Where(d => !e.Debtors.Contains(d)).Select(d => (int?)d).FirstOrDefault() is { } other)
            throw new DomainRuleException("not-a-debtor",
                $"Party {other} is not a debtor of this enforcement case: only its debtors may be inquired about ({Source}).", "debtors");
        if (e.Inquiries.Any(i => i.IsOpen))
            throw new DomainRuleException("inquiry-open", "An inquiry of this case is still waiting for the banks' answers.");
        var subjects = asked.Select(d => c.Parties.Single(p => p.PartyNumber == d)).Select(Subject).ToList();
        var requests = new List<BankRequest>();
        var summary = e;
        foreach (var bank in policy.Banks)
        {
            (summary, var request) = EnforcementMeasures.NewRequest(c, summary, BankRequestKind.AssetInquiry, bank, at,
                r => r with { Subjects = subjects });
            requests.Add(request);
        }
        var inquiryId = $"in{e.Inquiries.Count + 1}";
        var answerBy = deadlines.Compute(ChinaTime.DateOf(at), policy.InquiryAnswerDays, PeriodUnit.Days).LastDay;
        var inquiry = new AssetInquiry(inquiryId, officer.UserId, at, answerBy,
            requests.Select(r => new InquiryBank(r.BankCode, r.RequestId, null, 0, 0m)).ToList(), null);
        var done = summary with { Inquiries = [.. summary.Inquiries, inquiry] };
        var (changed, ev) = EnforcementMeasures.Act(c, officer, at,
            $"Asset inquiry {inquiryId} to {policy.Banks.Count} banks about part{(asked.Count > 1 ? "ies" : "y")} "
            + $"{string.Join(", ", asked)}; answers by {answerBy:yyyy-MM-dd}", _ => done, deadlines, policy.SupervisionWorkingDays);
        return (changed, ev, requests);
    }

    private static InquirySubject Subject(Party p) => p.CreditCode is { } code
        ? new InquirySubject(p.PartyNumber, p.Name, "credit-code", code)
        : new InquirySubject(p.PartyNumber, p.Name, (p.IdType ?? IdentityDocumentType.ResidentId).WireName(), p.IdNumber ?? "");

    /// <summary>A bank's answer to an open inquiry; the inquiry closes when it was the last.</summary>
    public static EnforcementSummary Answer(EnforcementSummary e, BankReply reply, DateTimeOffset at)
    {
        var inquiry = e.Inquiries.Single(i => i.Banks.Any(b => b.RequestId == reply.RequestId));
        var banks = inquiry.Banks.Select(b => b.RequestId != reply.RequestId ? b : b with
        {
            AnsweredAt = reply.AnsweredAt,
            AccountsFound = reply.Accounts.Count,
            BalanceFound = reply.Accounts.Sum(a => a.Balance),
            Refusal = reply.Outcome == BankOutcome.Refused ? reply.Reason : null,
        }).ToList();
        var answered = inquiry with { Banks = banks, ClosedAt = banks.All(b => b.AnsweredAt is not null) ? at : null };
        return e with { Inquiries = e.Inquiries.Select(i => i.InquiryId == inquiry.InquiryId ? answered : i).ToList() };
    }

    /// <summary>The answer period ended: the inquiry closes with the banks that never answered named.</summary>
    public static (CourtCase Case, CaseEvent Event)? CloseDue(CourtCase c, DateTimeOffset at)
    {
        if (c.Enforcement is not { } e) return null;
        var today = ChinaTime.DateOf(at);
        var due = e.Inquiries.Where(i => i.IsOpen && i.AnswerBy < today).ToList();
        if (due.Count == 0) return null;
        var silent = due.SelectMany(i => i.Silent.Select(b => b.BankCode)).ToList();
        return EnforcementMeasures.Result(c, Actor.System, at,
            $"Inquiry {string.Join(", ", due.Select(i => i.InquiryId))} closed at the end of its answer period; "
            + (silent.Count == 0 ? "every bank answered" : $"never answered: {string.Join(", ", silent)}"),
            x => x with
            {
                Inquiries = x.Inquiries.Select(i => due.Any(d => d.InquiryId == i.InquiryId) ? i with { ClosedAt = at }
                : i).ToList()
            });
    }
}
