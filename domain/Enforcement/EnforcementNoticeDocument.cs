using System.Security.Cryptography;
using System.Text;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Parties;

namespace ECourt.Domain.Enforcement;

/// <summary>
/// The notice of enforcement with the order to report assets (执行通知书、报告财产令), served on every debtor within 10 days of the
/// application (SPC Interpretation art. 480; SPC Provisions on Property Investigation in Enforcement (2017) arts. 3–5): perform the
/// judgment, pay the enforcement fee, and report the property held within 10 days, on pain of the dishonest list. Plain UTF-8 text
/// made once; its SHA-256 goes into each service certificate.
/// </summary>
public static class EnforcementNoticeDocument
{
    public const string ContentType = "text/plain; charset=utf-8";

    public const string FileName = "执行通知书及报告财产令.txt";

    public static string IdFor(string caseId) =>
        "doc" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(caseId + "/enforcement-notice"))[..12]);

    public static IReadOnlyList<Party> Recipients(CourtCase c) =>
        c.Enforcement is { } e ? c.Parties.Where(p => e.Debtors.Contains(p.PartyNumber)).ToList() : [];

    public static byte[] Render(CourtCase c, string courtName)
    {
        var e = c.Enforcement ?? throw new InvalidOperationException($"Case {c.CaseId} is not an enforcement case.");
        var creditor = c.Parties.Single(p => p.PartyNumber == e.Creditor).Name;
        var debtors = string.Join("、", Recipients(c).Select(p => p.Name));
        var text = new StringBuilder()
            .AppendLine(courtName)
            .AppendLine("执行通知书")
            .AppendLine(c.CaseNumber)
            .AppendLine()
            .AppendLine($"{debtors}：")
            .AppendLine($"申请执行人{creditor}申请执行{e.OriginalCaseNumber}号法律文书，本院已立案执行。依照《中华人民共和国民事诉讼法》第二百五十一条、"
                + "第二百五十二条的规定，责令你立即履行下列义务：")
            .AppendLine($"一、向申请执行人支付{e.AmountToRecover:0.00}元；")
            .AppendLine($"二、负担执行申请费{e.Fee:0.00}元（《诉讼费用交纳办法》第十四条、第二十条）。")
            .AppendLine($"款项请汇入本案执行款专户：{e.AccountNumber}。逾期不履行的，本院将依法强制执行，并可将你纳入失信被执行人名单、限制高消费。")
            .AppendLine()
            .AppendLine("报告财产令")
            .AppendLine("依照《中华人民共和国民事诉讼法》第二百五十二条、《最高人民法院关于民事执行中财产调查若干问题的规定》第三条至第五条，责令你自收到"
                + "本令之日起十日内，如实向本院报告当前以及收到执行通知之日前一年的财产情况（收入、银行存款、现金、理财产品、有价证券、不动产、车辆、"
                + "股权、债权等）。财产情况发生变动的，应自变动之日起十日内补充报告。拒绝报告或者虚假报告的，本院将依法予以罚款、拘留，并纳入失信"
                + "被执行人名单。")
            .AppendLine()
            .AppendLine($"签发：{ChinaTime.ToChinaTime(e.FiledAt):yyyy年M月d日}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
