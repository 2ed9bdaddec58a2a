using System.Text.RegularExpressions;

namespace ECourt.Domain.Publication;

/// <summary>
/// A domicile kept only to the county level (district level in municipalities; DOMAIN.md "Publishing judgments: details"): the
/// address's leading administrative units are read one by one (province or autonomous region; city, prefecture, autonomous
/// prefecture or league; district, county or banner) and kept up to the first district, county or banner, else up to the second
/// city (a county-level city under a prefecture) or the last unit read; the rest is deleted. A Taiwan county's city (彰化县彰化市)
/// is its county-level unit and kept with it. What only ends like a unit (示例小区, 工业园区, 市场, 红旗街) is not one.
/// </summary>
public static partial class CountyLevel
{
    [GeneratedRegex(@"\G[^\d\s，。；、,;：:（）()乡村街巷号楼弄栋幢室组]{1,9}?"
        + @"(?:(?<province>特别行政区|自治区|省)|(?<county>自治县|自治旗|(?<!小|社|校|景|厂|营|片|业园|技园)区|县|旗)"
        + @"|(?<city>自治州|地区|市|州(?![市区县])|盟))(?![场乡镇村路街巷])")]
    private static partial Regex Unit();

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
            var m = Unit().Match(text, at, end - at);
            if (!m.Success) break;
            if (afterCounty)
            {
                if (m.Groups["city"].Success && text[m.Index + m.Length - 1] == '市') at = m.Index + m.Length;
                break;
            }
            at = m.Index + m.Length;
            if (m.Groups["county"].Success)
            {
                if (text[at - 1] != '县') break;
                afterCounty = true;
            }
            else if (m.Groups["city"].Success && ++cities == 2) break;
        }
        return at - start;
    }
}
