using System.Security.Cryptography;
using System.Text;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Money;
using ECourt.Domain.Parties;

namespace ECourt.Domain.Fees;

/// <summary>
/// The fee notice (缴费通知书) as the document served on the plaintiff: the case, the fee and its basis, the
/// case's own account, and the rule of Measures art. 22. Plain UTF-8 text, made once at the start of service
/// from the notice as issued; its SHA-256 goes into the service certificate.
/// </summary>
public static class FeeNoticeDocument
{
    public const string ContentType = "text/plain; charset=utf-8";

    /// <summary>The same id for the same case, so a retried start writes it once.</summary>
    public static string IdFor(string caseId) => "doc" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(caseId + "/fee-notice"))[..12]);

    public static byte[] Render(CourtCase c, string courtName)
    {
        var notice = c.FeeNotice ?? throw new InvalidOperationException($"Case {c.CaseId} has no fee notice.");
        var plaintiffs = string.Join("、", c.Parties.Where(p => p.Role == PartyRole.Plaintiff).Select(p => p.Name));
        var defendants = string.Join("、", c.Parties.Where(p => p.Role == PartyRole.Defendant).Select(p => p.Name));
        var text = new StringBuilder()
            .AppendLine(courtName)
            .AppendLine("缴费通知书")
            .AppendLine(c.CaseNumber)
            .AppendLine()
            .AppendLine($"{plaintiffs}：")
            .AppendLine($"你方诉{defendants}{c.Cause}一案，本院已立案。依照《诉讼费用交纳办法》的规定，应交纳案件受理费{Yuan.Format(notice.AmountDue)}元（{notice.Basis}）。")
            .AppendLine($"请自本通知书送达之次日起七日内，将上述费用交纳至本案专属账户：{notice.AccountNumber}。")
            .AppendLine("逾期不交纳又未提出缓交、减交、免交申请的，本院将按撤诉处理（《诉讼费用交纳办法》第二十二条）。")
            .AppendLine()
            .AppendLine($"签发：{ChinaTime.ToChinaTime(notice.IssuedAt):yyyy年M月d日}")
            .ToString();
        return Encoding.UTF8.GetBytes(text);
    }
}
