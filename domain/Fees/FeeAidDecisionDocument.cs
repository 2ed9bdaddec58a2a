using System.Security.Cryptography;
using System.Text;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Money;
using ECourt.Domain.Parties;

namespace ECourt.Domain.Fees;

/// <summary>
/// The decision on fee aid (诉讼费用司法救助决定书, Measures on Payment of Litigation Costs arts. 44–48) as the document served on
/// the applicant: what was asked, what the judge decided and why, and what is due by when, counted from the day after it is served
/// (art. 22). Plain UTF-8 text, made once from the decision as recorded; its SHA-256 goes into the service certificate.
/// </summary>
public static class FeeAidDecisionDocument
{
    public const string ContentType = "text/plain; charset=utf-8";

    public const string FileName = "诉讼费用司法救助决定书.txt";

    /// <summary>The same id for the same case (a case has one fee-aid application), so a retried start writes it once.</summary>
    public static string IdFor(string caseId) =>
        "doc" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(caseId + "/fee-aid-decision"))[..12]);

    /// <summary>
    /// On whom it is served: the plaintiffs the applicant is or acts for; failing those (an applicant no longer on the case),
    /// every plaintiff, as the fee notice was.
    /// </summary>
    public static IReadOnlyList<Party> Recipients(CourtCase c)
    {
        var plaintiffs = c.Parties.Where(p => p.Role == PartyRole.Plaintiff).ToList();
        var applicants = c.FeeAid is { } aid ? plaintiffs.Where(p => p.IsActedForBy(aid.AppliedBy)).ToList() : [];
        return applicants.Count > 0 ? applicants : plaintiffs;
    }

    public static byte[] Render(CourtCase c, string courtName)
    {
        var aid = c.FeeAid ?? throw new InvalidOperationException($"Case {c.CaseId} has no fee aid application.");
        var decision = aid.Decision ?? throw new InvalidOperationException($"The fee aid of case {c.CaseId} is undecided.");
        var notice = c.FeeNotice ?? throw new InvalidOperationException($"Case {c.CaseId} has no fee notice.");
        var asked = aid.Kind switch { FeeAidKind.Defer => "缓交", FeeAidKind.Reduce => "减交", _ => "免交" };
        var due = Yuan.Format(notice.AmountDue);
        var paid = notice.AmountPaid > 0 ? $"（已交纳{Yuan.Format(notice.AmountPaid)}元）" : "";
        const string withinSeven = "请自本决定书送达之次日起七日内";
        var decided = (decision.Outcome, aid.Kind) switch
        {
            (FeeAidOutcome.Granted, FeeAidKind.Waive) => "准予免交案件受理费。",
            (FeeAidOutcome.Granted, FeeAidKind.Reduce) =>
                $"准予减交，减交后应交纳案件受理费{due}元{paid}。{withinSeven}交纳至本案专属账户：{notice.AccountNumber}。",
            (FeeAidOutcome.Granted, _) =>
                $"准予缓交，请于{decision.DeferredUntil:yyyy年M月d日}前交纳案件受理费{due}元{paid}至本案专属账户：{notice.AccountNumber}"
                + "（本决定书送达时距该日不足七日的，自送达之次日起七日内交纳）。",
            _ => $"不予准许。{withinSeven}交纳案件受理费{due}元{paid}至本案专属账户：{notice.AccountNumber}。",
        };
        var text = new StringBuilder()
            .AppendLine(courtName)
            .AppendLine("诉讼费用司法救助决定书")
            .AppendLine(c.CaseNumber)
            .AppendLine()
            .AppendLine($"{string.Join("、", Recipients(c).Select(p => p.Name))}：")
            .AppendLine($"你方于{ChinaTime.ToChinaTime(aid.AppliedAt):yyyy年M月d日}申请{asked}诉讼费用。依照《诉讼费用交纳办法》第四十四条至第四十八条的规定，本院决定：")
            .AppendLine(decided);
        if (decision.Reasons.Count > 0) text.AppendLine($"理由：{string.Join("；", decision.Reasons)}。");
        if (!notice.Waived)
            text.AppendLine("逾期不交纳的，本院将按撤诉处理（《诉讼费用交纳办法》第二十二条）。");
        return Encoding.UTF8.GetBytes(text
            .AppendLine()
            .AppendLine($"决定日期：{ChinaTime.ToChinaTime(decision.DecidedAt):yyyy年M月d日}")
            .ToString());
    }
}
