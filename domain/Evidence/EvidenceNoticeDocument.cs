using System.Security.Cryptography;
using System.Text;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Parties;

namespace ECourt.Domain.Evidence;

/// <summary>
/// The notice of the burden and period of proof (举证通知书, SPC Evidence Provisions art. 50) as the document served on every party:
/// how the burden of proof is allocated, when a party may ask the court to collect evidence, the period the judge set, extensions,
/// and what late evidence leads to. Plain UTF-8 text, made once from the period as set; its SHA-256 goes into each service
/// certificate.
/// </summary>
public static class EvidenceNoticeDocument
{
    public const string ContentType = "text/plain; charset=utf-8";

    public const string FileName = "举证通知书.txt";

    /// <summary>The same id for the same case (the period is set once), so a retried start writes it once.</summary>
    public static string IdFor(string caseId) =>
        "doc" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(caseId + "/evidence-notice"))[..12]);

    /// <summary>Every party of the case: each bears the burden of proving what it asserts.</summary>
    public static IReadOnlyList<Party> Recipients(CourtCase c) => c.Parties;

    public static byte[] Render(CourtCase c, string courtName)
    {
        var period = c.Evidence?.Period ?? throw new InvalidOperationException($"Case {c.CaseId} has no period of proof.");
        string Names(PartyRole role) => string.Join("、", c.Parties.Where(p => p.Role == role).Select(p => p.Name));
        var procedure = c.Procedure switch
        {
            Procedure.Simplified => "简易程序",
            Procedure.SmallClaims => "小额诉讼程序",
            _ => "普通程序",
        };
        var text = new StringBuilder()
            .AppendLine(courtName)
            .AppendLine("举证通知书")
            .AppendLine(c.CaseNumber)
            .AppendLine()
            .AppendLine($"{string.Join("、", c.Parties.Select(p => p.Name))}：")
            .AppendLine($"本院受理{Names(PartyRole.Plaintiff)}诉{Names(PartyRole.Defendant)}{c.Cause}一案，依照《中华人民共和国民事诉讼法》第六十七条、"
                + "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第九十条至第一百零二条、《最高人民法院关于民事诉讼证据的若干规定》"
                + "第五十条、第五十一条的规定，现将举证事项通知如下：")
            .AppendLine("一、当事人对自己提出的诉讼请求所依据的事实或者反驳对方诉讼请求所依据的事实，应当提供证据加以证明；没有证据或者证据不足以证明"
                + "其事实主张的，由负有举证证明责任的当事人承担不利的后果。")
            .AppendLine("二、当事人及其诉讼代理人因客观原因不能自行收集的证据，可以在举证期限届满前书面申请人民法院调查收集。")
            .AppendLine($"三、本案适用{procedure}，举证期限至{period.Deadline.LastDay:yyyy年M月d日}二十四时届满。请在举证期限内通过诉讼服务平台"
                + "提交证据，写明每份证据的名称、证明目的和来源；平台在提交时以哈希值固定证据。")
            .AppendLine("四、在举证期限内提交证据确有困难的，应当在举证期限届满前向本院书面申请延长；申请理由成立的，本院适当延长，延长的举证期限"
                + "适用于其他当事人。")
            .AppendLine("五、逾期提供证据的，本院将责令说明理由；因故意或者重大过失逾期提供的证据，本院不予采纳，但该证据与案件基本事实有关的，"
                + "本院予以采纳，并依法予以训诫、罚款；非因故意或者重大过失逾期提供的证据，本院予以采纳，并对当事人予以训诫。")
            .AppendLine()
            .AppendLine($"签发：{ChinaTime.ToChinaTime(period.SetAt):yyyy年M月d日}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
