using System.Text.RegularExpressions;

namespace ECourt.Domain.Publication;

/// <summary>
/// People a judgment names whom the case record does not list, where the words before the name say the rules protect them: in
/// marriage, family and inheritance cases the decedent (被继承人) and the children (婚生子, 之女, 长子, 生育一女…), in criminal cases victims,
/// witnesses and appraisers (被害人, 证人, 鉴定人; Taiwan's 告诉人). A name is taken when it starts with a surname in use (百家姓 and the
/// compound ones; 向, mostly a preposition after 被害人, left out) and ends where the sentence goes on (的, 于, 证实, punctuation…); a
/// transliterated name runs over its dots. What this cannot see: a name whose given name ends in such a word (张同和的 reads as
/// 张同), a person surnamed 向, and a name never introduced by its role.
/// </summary>
public static partial class UnrecordedPeople
{
    [GeneratedRegex("被继承人|(?:非)?婚生[子女]|养[子女]|[长次一二两][子女]|之[子女]|儿子|女儿|外?孙[子女]")]
    private static partial Regex FamilyRoles();

    [GeneratedRegex("被害人|证人|鉴定人|告诉人")]
    private static partial Regex CriminalRoles();

    private const string Surnames =
        "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉"
        + "岑薛雷贺倪汤滕殷罗毕郝邬安常乐于傅皮卞齐康伍余元卜顾孟平黄穆萧尹姚邵湛汪祁毛禹狄米贝臧计伏戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵"
        + "席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫房裘缪干解宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴"
        + "陆荣翁荀羊惠甄曲封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟"
        + "薄印宿白怀蒲邰鄂索咸籍赖卓蔺屠蒙池乔阴胥苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍璩桑桂濮牛寿边扈燕冀郏浦尚农温庄晏柴瞿阎充慕连茹习"
        + "宦艾鱼容古易慎戈廖庾暨居衡步都耿满弘匡寇广禄阙欧殳沃蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶曾毋沙乜养鞠须丰巢关蒯查荆红游竺权"
        + "逯盖益桓仉督岳帅缑亢况郈琴归海晋楚闫汝鄢涂钦商牟佘佴伯赏墨哈谯笪爱阳佟言福";

    // Where a name ends: what follows a name in a judgment's sentences. A name is the surname and one character when the next one is
    // such a word, else the surname and two characters (most names have three).
    private const string AfterName = "的等系于在与和及称证陈供出生到将因所已未是被把从对给以均也都又即随当曾并后前同去说讲由转人死遗之驾报处身"
        + "手受作名签亦提申诉辩共某现住户";

    // What no given name is made of.
    private const string NeverInName = "的等于在与及称证供是被把对给以均也都又即说讲由转人死遗驾报某现住户其该此本案";

    /// <summary>The names, in Simplified folding, in the order they first appear.</summary>
    public static IReadOnlyList<string> Find(string folded, JudgmentCaseKind kind)
    {
        var roles = kind switch
        {
            JudgmentCaseKind.Family => FamilyRoles(),
            JudgmentCaseKind.Criminal => CriminalRoles(),
            _ => null,
        };
        if (roles is null) return [];
        var names = new List<string>();
        foreach (var m in roles.EnumerateMatches(folded))
        {
            var at = m.Index + m.Length;
            if (at < folded.Length && folded[at] is '：' or ':') at++;
            while (NameAt(folded, at) is { } name)
            {
                if (!names.Contains(name)) names.Add(name);
                at += name.Length;
                // A list of people after one role word: 被害人卢美玲、叶建华、葛淑芬.
                if (at >= folded.Length || folded[at] != '、') break;
                at++;
            }
        }
        return names;
    }

    private static string? NameAt(string text, int at)
    {
        if (at >= text.Length || !Surnames.Contains(text[at])) return null;
        var dotted = DottedName(text, at);
        if (dotted is not null) return dotted;
        var surname = at + 2 < text.Length && Pseudonyms.CompoundSurnames.Contains(text.Substring(at, 2)) ? 2 : 1;
        var one = at + surname + 1;
        if (one > text.Length || !IsNameCharacter(text[one - 1])) return null;
        if (one == text.Length || !IsNameCharacter(text[one]) || AfterName.Contains(text[one])) return text[at..one];
        return text[at..(one + 1)];
    }

    /// <summary>A transliterated name (古丽娜尔·艾力): parts of Han characters joined by dots, the last part ending as a name does.</summary>
    private static string? DottedName(string text, int at)
    {
        var end = at;
        while (end < text.Length && IsHan(text[end]) && end - at < 8) end++;
        if (end == at || end >= text.Length || text[end] is not ('·' or '•' or '・')) return null;
        var part = end + 1;
        for (var length = 1; length <= 4 && part + length <= text.Length; length++)
        {
            if (!IsHan(text[part + length - 1])) break;
            var after = part + length;
            if (length >= 2 && (after == text.Length || !IsHan(text[after]) || AfterName.Contains(text[after]))) return text[at..after];
        }
        return null;
    }

    private static bool IsNameCharacter(char c) => IsHan(c) && !NeverInName.Contains(c);

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';
}
