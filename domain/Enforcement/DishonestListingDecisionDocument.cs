using System.Security.Cryptography;
using System.Text;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Parties;

namespace ECourt.Domain.Enforcement;

/// <summary>
/// The decision putting a debtor on the dishonest list (纳入失信被执行人名单决定书), served on the debtor (SPC Provisions on the List of
/// Dishonest Judgment Debtors, 2017, art. 5): the ground, the facts, the term, and the right to ask for a correction. Plain UTF-8 text
/// made once per listing.
/// </summary>
public static class DishonestListingDecisionDocument
{
    public const string ContentType = "text/plain; charset=utf-8";

    public const string FileName = "纳入失信被执行人名单决定书.txt";

    /// <summary>One decision per listing: the debtor and how many listings the case had before it.</summary>
    public static string IdFor(string caseId, int debtor, int listingsBefore) =>
        "doc" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{caseId}/dishonest/{debtor}/{listingsBefore}"))[..12]);

    private static readonly Dictionary<DishonestGround, string> GroundText = new()
    {
        [DishonestGround.AbleButRefusing] = "有履行能力而拒不履行生效法律文书确定义务",
        [DishonestGround.Obstructing] = "以伪造证据、暴力、威胁等方法妨碍、抗拒执行",
        [DishonestGround.Evading] = "以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行",
        [DishonestGround.PropertyReport] = "违反财产报告制度",
        [DishonestGround.ConsumptionOrder] = "违反限制消费令",
        [DishonestGround.SettlementBreach] = "无正当理由拒不履行执行和解协议",
    };

    public static Func<CourtCase, IReadOnlyList<Party>> RecipientsOf(string documentId) => c =>
        c.Enforcement?.Listings.Where(l => l.DocumentId == documentId).Select(l => c.Parties.Single(p =>
            p.PartyNumber == l.Debtor)).ToList()
            ?? [];

    public static Func<CourtCase, string, byte[]> RenderOf(string documentId) => (c, courtName) =>
    {
        var listing = c.Enforcement?.Listings.Single(l => l.DocumentId == documentId)
            ?? throw new InvalidOperationException($"Case {c.CaseId} has no listing with decision {documentId}.");
        var debtor = c.Parties.Single(p => p.PartyNumber == listing.Debtor);
        var text = new StringBuilder()
            .AppendLine(courtName)
            .AppendLine("决定书")
            .AppendLine(c.CaseNumber)
            .AppendLine()
            .AppendLine($"被执行人：{debtor.Name}")
            .AppendLine($"本院在执行{c.Enforcement!.OriginalCaseNumber}号案件中，查明被执行人{GroundText[listing.Ground]}：{listing.Facts}")
            .AppendLine("依照《中华人民共和国民事诉讼法》第二百六十二条、《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条、第二条、第六条的规定，"
                + "决定如下：")
            .AppendLine($"将{debtor.Name}纳入失信被执行人名单"
                + (listing.Until is { } until ? $"，期限至{until:yyyy年M月d日}。" : "，至其履行生效法律文书确定的义务时止。"))
            .AppendLine("被执行人认为有关信息错误的，可以向本院申请纠正，本院将在十五日内审查。被执行人全部履行后，本院将在三个工作日内删除失信信息，"
                + "并解除限制消费。")
            .AppendLine()
            .AppendLine($"签发：{ChinaTime.ToChinaTime(listing.DecidedAt):yyyy年M月d日}");
        return Encoding.UTF8.GetBytes(text.ToString());
    };
}
