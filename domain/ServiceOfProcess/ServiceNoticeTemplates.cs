using System.Text.RegularExpressions;

namespace ECourt.Domain.ServiceOfProcess;

/// <summary>
/// The values a notice's placeholders take; <paramref name="LinkCode"/>: the recipient party's link code, which the
/// complaint copy's notice carries so that the defendant can link its account to the case (with its verified identity).
/// </summary>
public sealed record NoticeValues(string Court, string CaseNumber, string Recipient, string Link, DateTimeOffset LinkExpires,
    string? LinkCode = null);

/// <summary>One notice, rendered.</summary>
public sealed record RenderedNotice(string Sms, string EmailSubject, string EmailText);

/// <summary>
/// The notices that tell a party a document waits in the platform inbox. They carry a signed, expiring
/// link to it and never the document's protected content. Every placeholder must be filled.
/// </summary>
public static partial class ServiceNoticeTemplates
{
    private sealed record Template(string Title, string Sms, string EmailSubject, string EmailText);

    private const string EmailFooter =
        "\n\n请点击以下链接登录诉讼服务平台查阅：\n{link}\n链接有效期至{expires}，过期后请登录平台在“我的送达”中查看。\n本邮件由系统自动发送，请勿回复。如有疑问请拨打12368。\n{court}";

    private static readonly Dictionary<ServedDocumentKind, Template> Templates = new()
    {
        [ServedDocumentKind.FeeNotice] = new("缴费通知书",
            "【{court}】{recipient}：您的案件{caseNumber}缴费通知书已送达诉讼服务平台，请于7日内缴纳诉讼费。查阅：{link}",
            "{caseNumber}缴费通知书",
            "{recipient}：\n\n您好！您提起的案件{caseNumber}已立案，缴费通知书已送达诉讼服务平台。请自送达次日起7日内按通知书缴纳诉讼费，逾期未交且未申请缓交的，按撤诉处理。" + EmailFooter),
        [ServedDocumentKind.ComplaintCopy] = new("起诉状副本",
            "【{court}】{recipient}：案件{caseNumber}的起诉状副本已送达诉讼服务平台，请于收到之日起15日内提交答辩状。查阅：{link}",
            "{caseNumber}起诉状副本及应诉材料",
            "{recipient}：\n\n您好！{court}受理的案件{caseNumber}的起诉状副本及应诉材料已送达诉讼服务平台。您可在收到之日起15日内提交答辩状。" + EmailFooter),
        [ServedDocumentKind.Summons] = new("传票",
            "【{court}】{recipient}：案件{caseNumber}的传票已送达诉讼服务平台，请按时参加庭审。查阅：{link}",
            "{caseNumber}传票",
            "{recipient}：\n\n您好！案件{caseNumber}的传票已送达诉讼服务平台，请查阅开庭时间与方式并按时参加。" + EmailFooter),
        [ServedDocumentKind.Judgment] = new("裁判文书",
            "【{court}】{recipient}：案件{caseNumber}的裁判文书已送达诉讼服务平台，上诉期自送达之日起计算。查阅：{link}",
            "{caseNumber}裁判文书",
            "{recipient}：\n\n您好！案件{caseNumber}的裁判文书已送达诉讼服务平台。不服判决的，可在判决书送达之日起15日内上诉，不服裁定的，在10日内上诉。" + EmailFooter),
        [ServedDocumentKind.FeeAidDecision] = new("诉讼费用司法救助决定书",
            "【{court}】{recipient}：案件{caseNumber}的救助决定书已送达诉讼服务平台，缴费期限见决定书。查阅：{link}",
            "{caseNumber}诉讼费用司法救助决定书",
            "{recipient}：\n\n您好！您在案件{caseNumber}中申请缓交、减交或免交诉讼费用，本院已作出决定，决定书已送达诉讼服务平台。"
            + "尚需交纳诉讼费用的，请自决定书送达之次日起按决定书所载期限交纳，逾期未交的，按撤诉处理。" + EmailFooter),
        [ServedDocumentKind.EvidenceNotice] = new("举证通知书",
            "【{court}】{recipient}：案件{caseNumber}的举证通知书已送达诉讼服务平台，请在举证期限内提交证据。查阅：{link}",
            "{caseNumber}举证通知书",
            "{recipient}：\n\n您好！案件{caseNumber}的举证通知书已送达诉讼服务平台。请查阅举证责任与举证期限，在期限内通过平台提交证据；"
            + "逾期提供证据的，将依法承担相应后果。" + EmailFooter),
        [ServedDocumentKind.HearingCancellation] = new("撤销开庭通知书",
            "【{court}】{recipient}：案件{caseNumber}原定的开庭已撤销，通知书已送达诉讼服务平台。查阅：{link}",
            "{caseNumber}撤销开庭通知书",
            "{recipient}：\n\n您好！案件{caseNumber}原定的开庭已撤销，撤销开庭通知书已送达诉讼服务平台，新的开庭时间将另行传唤。" + EmailFooter),
        [ServedDocumentKind.EnforcementNotice] = new("执行通知书及报告财产令",
            "【{court}】{recipient}：{caseNumber}执行通知书及报告财产令已送达，请履行并于10日内报告财产。查阅：{link}",
            "{caseNumber}执行通知书及报告财产令",
            "{recipient}：\n\n您好！{court}执行案件{caseNumber}的执行通知书及报告财产令已送达诉讼服务平台。请立即履行法律文书确定的义务，"
            + "并自收到之日起10日内如实报告财产；拒绝报告或虚假报告的，将被依法纳入失信被执行人名单。" + EmailFooter),
        [ServedDocumentKind.DishonestListingDecision] = new("纳入失信被执行人名单决定书",
            "【{court}】{recipient}：执行案件{caseNumber}的纳入失信被执行人名单决定书已送达诉讼服务平台。查阅：{link}",
            "{caseNumber}纳入失信被执行人名单决定书",
            "{recipient}：\n\n您好！{court}在执行案件{caseNumber}中决定将您纳入失信被执行人名单，决定书已送达诉讼服务平台。"
            + "认为信息有误的，可向本院申请纠正；全部履行后，本院将在三个工作日内删除失信信息。" + EmailFooter),
    };

    public static IEnumerable<ServedDocumentKind> Kinds => Templates.Keys;

    public static string Title(ServedDocumentKind kind) => Templates[kind].Title;

    public static RenderedNotice Render(ServedDocumentKind kind, NoticeValues values)
    {
        var t = Templates[kind];
        var map = new Dictionary<string, string>
        {
            ["court"] = values.Court,
            ["caseNumber"] = values.CaseNumber,
            ["recipient"] = values.Recipient,
            ["link"] = values.Link,
            ["expires"] = Calendar.ChinaTime.ToChinaTime(values.LinkExpires).ToString("yyyy年M月d日HH:mm"),
        };
        string Fill(string text) => Placeholder().Replace(text, m => map.TryGetValue(m.Groups[1].Value, out var v)
            ? v
            : throw new InvalidOperationException($"Template placeholder {{{m.Groups[1].Value}}} has no value."));
        var rendered = new RenderedNotice(Fill(t.Sms), Fill(t.EmailSubject), Fill(t.EmailText));
        if (kind != ServedDocumentKind.ComplaintCopy || values.LinkCode is not { } code) return rendered;
        // The code alone links nothing: the platform also asks for the holder's verified identity (Online Litigation Rules arts. 7, 10).
        return rendered with
        {
            Sms = rendered.Sms + $" 在线应诉：登录平台，实名认证后以关联码{code}关联本案。",
            EmailText = rendered.EmailText + $"\n\n在线应诉：请登录诉讼服务平台，完成实名认证后以关联码 {code} 关联本案（关联码仅限一次使用）。",
        };
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
