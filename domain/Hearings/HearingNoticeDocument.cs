using System.Security.Cryptography;
using System.Text;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Parties;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Domain.Hearings;

/// <summary>
/// The summons (传票, CPL art. 139) and the notice of a cancelled hearing as the documents served on every party: the case, the
/// hearing's time and place (or that it is online, and that each participant's personal link is in the app after identity is
/// verified again: never in an SMS), and what absence without good reason may lead to (CPL arts. 146–147). Plain UTF-8 text,
/// made once per notice; its SHA-256 goes into each service certificate.
/// </summary>
public static class HearingNoticeDocument
{
    public const string ContentType = "text/plain; charset=utf-8";

    public static string FileName(ServedDocumentKind kind) => kind == ServedDocumentKind.Summons ? "传票.txt" : "撤销开庭通知书.txt";

    /// <summary>The same id for the same notice of the same hearing, so a retried start writes it once.</summary>
    public static string IdFor(string caseId, string hearingId, ServedDocumentKind kind) =>
        "doc" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{caseId}/{hearingId}/{kind.WireName()}"))[..12]);

    public static IReadOnlyList<Party> Recipients(CourtCase c, HearingNotice notice) =>
        c.Parties.Where(p => notice.Recipients.Contains(p.PartyNumber)).ToList();

    public static byte[] Render(CourtCase c, string courtName, string documentId)
    {
        var hearing = c.Hearings?.Hearings.FirstOrDefault(h => h.Notices.Any(n => n.DocumentId == documentId))
            ?? throw new InvalidOperationException($"Case {c.CaseId} has no hearing notice {documentId}.");
        var notice = hearing.Notices.First(n => n.DocumentId == documentId);
        var at = ChinaTime.ToChinaTime(hearing.StartsAt);
        var place = hearing.Online ? "在线开庭（诉讼服务平台）" : hearing.Courtroom;
        var text = new StringBuilder()
            .AppendLine(courtName)
            .AppendLine(notice.Kind == ServedDocumentKind.Summons ? "传票" : "撤销开庭通知书")
            .AppendLine(c.CaseNumber)
            .AppendLine()
            .AppendLine($"案由：{c.Cause}")
            .AppendLine($"被传唤人：{string.Join("、", c.Parties.Where(p => notice.Recipients.Contains(p.PartyNumber)).Select(p => p.Name))}");
        if (notice.Kind == ServedDocumentKind.Summons)
        {
            if (hearing.AdjournedFrom is not null)
                text.AppendLine($"本案原定开庭延期审理（{string.Join("；", hearing.Reasons)}），现重新传唤如下。");
            text.AppendLine($"应到时间：{at:yyyy年M月d日HH:mm}")
                .AppendLine($"应到处所：{place}")
                .AppendLine(hearing.Public ? "本案公开开庭审理。" : "本案不公开开庭审理。");
            if (hearing.Online)
                text.AppendLine("在线开庭的，请于开庭前登录诉讼服务平台，在本案中再次完成身份核验后获取本人入庭链接（链接仅在平台内提供，不以短信发送）。");
            text.AppendLine("注意事项：被传唤人须按时到庭；原告经传票传唤，无正当理由拒不到庭的，可以按撤诉处理；被告经传票传唤，无正当理由拒不到庭的，可以缺席判决"
                + "（《中华人民共和国民事诉讼法》第一百四十六条、第一百四十七条）。");
        }
        else
        {
            text.AppendLine($"本院原定于{at:yyyy年M月d日HH:mm}在{place}开庭审理的本案，因{string.Join("；", hearing.Reasons)}，撤销该次开庭，开庭时间另行传唤。");
        }
        text.AppendLine().AppendLine($"签发：{ChinaTime.ToChinaTime(notice.IssuedAt):yyyy年M月d日}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
