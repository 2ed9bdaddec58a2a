using ECourt.Domain.Cases;
using ECourt.Domain.Judgments;

namespace ECourt.Domain.Publication;

/// <summary>
/// What is not published online (SPC Provisions on Publishing Judgments on the Internet, 2016, art. 4): state secrets and what the
/// court itself excludes (the judge's reason given with the judgment), mediation statements, divorce, and child custody or
/// guardianship. Juvenile crime is a criminal court's: no civil case is one. For those, the case number, court, date and reason for
/// non-publication are published instead.
/// </summary>
public static class PublicationExclusion
{
    private static readonly string[] CustodyCauses = ["抚养", "监护", "收养"];

    public static string? ReasonOf(CourtCase c, Judgment j) =>
        j.NotPublishedReason is { } own ? own
        : j.Kind == JudgmentKind.Mediation ? "以调解方式结案"
        : c.CaseType == FeeCaseType.Divorce || c.Cause.Contains("离婚", StringComparison.Ordinal) ? "涉及离婚"
        : CustodyCauses.Any(x => c.Cause.Contains(x, StringComparison.Ordinal)) ? "涉及未成年子女抚养、监护"
        : null;

    /// <summary>The notice published instead of the text: the case number, the court, the date and the reason.</summary>
    public static string Notice(CourtCase c, Judgment j, string courtName, string reason) =>
        $"{courtName}\n{c.CaseNumber}\n裁判日期：{Calendar.ChinaTime.DateOf(j.IssuedAt):yyyy年M月d日}\n"
        + $"不公开理由：{reason}（《最高人民法院关于人民法院在互联网公布裁判文书的规定》第四条）";
}
