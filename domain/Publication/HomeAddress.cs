using System.Buffers;
using System.Text.RegularExpressions;

namespace ECourt.Domain.Publication;

/// <summary>
/// Home addresses the case record may not know, found after the words that introduce a person's domicile or residence (住, 住所地,
/// 住址, 家住, 现居住于, 户籍地, 经常居住地, 送达地址…): the address runs to the next punctuation and ends with its last address word
/// (号, 室, 楼, 组, 村, 路…) or number, and never runs over 的 (住在…1号的出租房内); what lies beyond the county level
/// (<see cref="CountyLevel"/>) is the span to delete. Something is
/// taken for an address only when it starts with an administrative unit or carries a house, room or group number or a street,
/// village or town, so 住院治疗 stays. An organisation's registered address is not personal data and is kept (DOMAIN.md deletes
/// home addresses; for organisations only accounts, plates and certificates): an address belongs to an organisation when its
/// clause (from the last full stop or line) opens with a name ending like one (公司, 银行, 合作社…) or with an organisation the case
/// knows.
/// </summary>
public static partial class HomeAddress
{
    [GeneratedRegex(@"(?:户籍(?:所在)?地|户口所在地|经常居住地|地址|现?居住(?:地|于|在)?|现居(?:地|于|在)?|住(?:所地|址|所|在|于)?)"
        + @"(?:为|是|在|于)?[：:]?\s?(?=[^，。；;,、（）()\s的]{2})")]
    private static partial Regex AfterDomicileWord();

    private static readonly SearchValues<char> AddressStops = SearchValues.Create("，。；;,、（）()的 \t\r\n\u3000");

    [GeneratedRegex(@"[\d０-９一二三四五六七八九十]+(?:号|室|房|栋|幢|楼|组|社|单元|弄|巷|户|队|层)|路|街|村|屯|镇|乡|小区|社区|胡同")]
    private static partial Regex AddressMark();

    private static readonly string[] OrganisationEndings = ["公司", "厂", "银行", "分行", "支行", "合作社", "商行", "经营部", "门市部",
        "商店", "超市", "饭店", "酒店", "事务所", "医院", "学校", "学院", "大学", "小学", "中学", "幼儿园", "中心", "委员会", "集团", "协会",
        "政府", "法院", "检察院", "局", "派出所", "研究所", "办事处", "工作室", "合伙）", "合伙)"];

    private const string AddressEnds = "号室房楼层栋幢元组社村屯弄巷路街道段户院座队庄园苑区镇乡里厦城湾居门舍";

    public static List<SensitiveSpan> Find(string folded, IReadOnlyList<string> organisations)
    {
        var found = new List<SensitiveSpan>();
        foreach (var m in AfterDomicileWord().EnumerateMatches(folded))
        {
            var start = m.Index + m.Length;
            var run = folded.AsSpan(start, Math.Min(80, folded.Length - start));
            var stop = run.IndexOfAny(AddressStops);
            var end = start + (stop < 0 ? run.Length : stop);
            while (end > start && !IsAddressEnd(folded[end - 1])) end--;
            var prefix = CountyLevel.PrefixLength(folded, start, end);
            var tail = folded.AsSpan(start + prefix, end - start - prefix);
            if (tail.IsEmpty || (prefix == 0 && !AddressMark().IsMatch(tail))) continue;
            if (OfOrganisation(folded, m.Index, organisations)) continue;
            found.Add(new SensitiveSpan(RedactionKind.Address, start + prefix, tail.Length));
        }
        return found;
    }

    private static bool IsAddressEnd(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetter(c) || AddressEnds.Contains(c);

    private static bool OfOrganisation(string folded, int domicileWord, IReadOnlyList<string> organisations)
    {
        var clause = folded.AsSpan(0, domicileWord);
        clause = clause[(clause.LastIndexOfAny("。；;\n") + 1)..];
        var comma = clause.IndexOfAny("，,");
        var opening = (comma < 0 ? clause : clause[..comma]).Trim();
        foreach (var ending in OrganisationEndings)
            if (opening.EndsWith(ending, StringComparison.Ordinal)) return true;
        foreach (var name in organisations)
            if (opening.Contains(name, StringComparison.Ordinal)) return true;
        return false;
    }
}
