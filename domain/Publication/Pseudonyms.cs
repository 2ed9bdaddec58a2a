namespace ECourt.Domain.Publication;

/// <summary>
/// Pseudonyms for the names a published judgment may not show (SPC Provisions on Publishing Judgments on the Internet, 2016, art. 8):
/// the surname kept (a compound surname such as 欧阳 whole) and the given name replaced with 某; for ethnic-minority and translated
/// foreign names the first character and 某; for Latin-script names the first letter alone. Two people who would look the same are
/// numbered in the order the case lists them (张某1, 张某2); the same person is replaced the same way throughout. Names are told
/// apart in Simplified folding (<see cref="ChineseScript"/>): 歐陽娜娜 and 欧阳娜娜 are one person, 張三 and 张四 two 张某.
/// </summary>
public static class Pseudonyms
{
    public const string Mark = "某";

    /// <summary>Compound surnames (复姓) in use, in Simplified (a Traditional spelling is folded to be looked up): kept whole.</summary>
    public static readonly IReadOnlySet<string> CompoundSurnames = new HashSet<string>(StringComparer.Ordinal)
    {
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "钟离",
        "澹台", "申屠", "太史", "端木", "独孤", "南宫", "呼延", "赫连", "西门", "闻人", "万俟", "百里", "东郭",
    };

    /// <summary>The pseudonym of one name, before numbering.</summary>
    public static string Of(string name, bool ethnicMinority = false, bool foreign = false)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0) return Mark;
        if (char.IsAsciiLetter(trimmed[0])) return trimmed[..1];
        if (ethnicMinority || foreign || trimmed.Contains('·') || trimmed.Contains('•')) return trimmed[..1] + Mark;
        var surname = trimmed.Length > 2 && CompoundSurnames.Contains(ChineseScript.ToSimplified(trimmed[..2])) ? trimmed[..2]
            : trimmed[..1];
        return surname + Mark;
    }

    /// <summary>
    /// Each name's pseudonym, numbered where two different names would become the same; names and pseudonyms in Simplified folding.
    /// </summary>
    public static IReadOnlyDictionary<string, string> For(IEnumerable<ProtectedPerson> people)
    {
        var distinct = people.GroupBy(p => ChineseScript.ToSimplified(p.Name.Trim()), StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Person: g.First())).ToList();
        var plain = distinct.Select(p => (p.Name, Pseudonym: Of(p.Name, p.Person.EthnicMinority, p.Person.Foreign))).ToList();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in plain.GroupBy(x => x.Pseudonym, StringComparer.Ordinal))
        {
            var names = group.Select(x => x.Name).ToList();
            for (var i = 0; i < names.Count; i++) result[names[i]] = names.Count == 1 ? group.Key : group.Key + (i + 1);
        }
        return result;
    }
}
