namespace ECourt.Domain.Publication;

/// <summary>
/// A domicile kept only to the county level (district level in municipalities; DOMAIN.md "Publishing judgments: details"): the
/// address's leading administrative units are read one by one (province or autonomous region; city, prefecture, autonomous
/// prefecture or league; district, county or banner) and kept up to the first district, county or banner, else up to the second
/// city (a county-level city under a prefecture) or the last unit read; the rest is deleted. A Taiwan county's city (彰化县彰化市)
/// is its county-level unit and kept with it. What only ends like a unit (示例小区, 工业园区, 市场, 红旗街) is not one.
/// </summary>
public static class CountyLevel
{
    private enum Level { Province, City, County }

    // A unit's name is one to nine characters, none of them a digit, punctuation or a word below the county (村, 街, 号…).
    private const string NotInUnitName = "，。；、,;：:（）()乡村街巷号楼弄栋幢室组";
    private const string NotAfterUnit = "场乡镇村路街巷";
    private static readonly string[] NotDistricts = ["小", "社", "校", "景", "厂", "营", "片", "业园", "技园"];

    public static string Of(string address) => address[..PrefixLength(address)];

    /// <summary>How many characters at the start of an address name its place down to the county level.</summary>
    internal static int PrefixLength(string text, int start = 0, int end = -1)
    {
        if (end < 0) end = text.Length;
        var at = start;
        var cities = 0;
        var afterCounty = false;
        for (var units = 0; units < 5; units++)
        {
            if (Unit(text, at, end) is not var (length, level)) break;
            if (afterCounty)
            {
                if (level == Level.City && text[at + length - 1] == '市') at += length;
                break;
            }
            at += length;
            if (level == Level.County)
            {
                if (text[at - 1] != '县') break;
                afterCounty = true;
            }
            else if (level == Level.City && ++cities == 2) break;
        }
        return at - start;
    }

    /// <summary>The shortest unit starting at the place: a name and the suffix of its level, not followed by a lower word.</summary>
    private static (int Length, Level Level)? Unit(string text, int start, int end)
    {
        for (var name = 1; name <= 9 && start + name < end; name++)
        {
            var c = text[start + name - 1];
            if (char.IsDigit(c) || char.IsWhiteSpace(c) || NotInUnitName.Contains(c)) return null;
            var suffix = SuffixAt(text, start, start + name, end);
            if (suffix is var (length, level) && (start + name + length == end || !NotAfterUnit.Contains(text[start + name + length])))
                return (name + length, level);
        }
        return null;
    }

    private static (int Length, Level Level)? SuffixAt(string text, int start, int at, int end)
    {
        var rest = text.AsSpan(at, end - at);
        if (rest.StartsWith("特别行政区")) return (5, Level.Province);
        if (rest.StartsWith("自治区")) return (3, Level.Province);
        if (rest.StartsWith("自治县") || rest.StartsWith("自治旗")) return (3, Level.County);
        if (rest.StartsWith("自治州")) return (3, Level.City);
        if (rest.StartsWith("地区")) return (2, Level.City);
        switch (rest.IsEmpty ? '\0' : rest[0])
        {
            case '省': return (1, Level.Province);
            case '市' or '盟': return (1, Level.City);
            case '州': return rest.Length > 1 && rest[1] is '市' or '区' or '县' ? null : (1, Level.City);
            case '县' or '旗': return (1, Level.County);
            case '区':
                var before = text.AsSpan(start, at - start);
                foreach (var not in NotDistricts)
                    if (before.EndsWith(not, StringComparison.Ordinal)) return null;
                return (1, Level.County);
            default: return null;
        }
    }
}
