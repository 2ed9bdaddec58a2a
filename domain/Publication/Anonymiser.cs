namespace ECourt.Domain.Publication;

/// <summary>
/// A change the anonymisation made: its kind, the span of the original text it replaced or deleted, and what stands there now
/// (empty for a deletion).
/// </summary>
public sealed record Redaction(RedactionKind Kind, int Start, int Length, string Replacement = "");

/// <summary>The text as it may be published, and every redaction made to the original.</summary>
public sealed record AnonymisedText(string Text, IReadOnlyList<Redaction> Redactions);

/// <summary>
/// Anonymising a judgment's text for publication (SPC Provisions on Publishing Judgments on the Internet, 2016, arts. 8–10):
/// the names the rules protect are pseudonymised (<see cref="Pseudonyms"/>): parties and their legal representatives in family,
/// marriage and inheritance cases, victims, witnesses and appraisers in criminal cases, minors and their legal representatives
/// always; judges', clerks', lawyers' and organisations' names are never touched. What the case knows of each person (identity
/// number, phone) and whatever else looks like an identity number, phone, bank card, plate, property certificate or email is
/// deleted without a marker; a home address, known or found after 住 and its like, is cut to county level.
/// Names are compared in Simplified folding (<see cref="ChineseScript"/>), so a name the record spells in Simplified is found in a
/// Traditional text and the other way round; the pseudonym keeps the surname as the text writes it (歐陽某 in 歐陽娜娜's text). A
/// name introduced with （以下简称…） is replaced under its short name too, and people the record does not list but the text names
/// by a protected role are found (<see cref="UnrecordedPeople"/>). An address once known or found is deleted wherever it recurs.
/// Overlapping findings: the earliest, then the longest, wins; where a kept person's name (a judge's, a lawyer's, an
/// organisation's) holds a protected one, it is kept whole.
/// </summary>
public static class Anonymiser
{
    public static bool IsPseudonymised(ProtectedPerson p, JudgmentCaseKind kind, bool minorInCase) =>
        !p.Organisation && p.Role != PersonRole.Judge && (p.Minor
            || (kind == JudgmentCaseKind.Family && p.Role is PersonRole.Plaintiff or PersonRole.Defendant or PersonRole.ThirdParty
                or PersonRole.LegalRepresentative)
            || (kind == JudgmentCaseKind.Criminal && p.Role is PersonRole.Victim or PersonRole.Witness or PersonRole.Appraiser)
            || (minorInCase && p.Role == PersonRole.LegalRepresentative));

    private readonly record struct Finding(int Start, int Length, RedactionKind? Kind, string Replacement, int Order);

    public static AnonymisedText Anonymise(string text, IReadOnlyList<ProtectedPerson> people, JudgmentCaseKind kind)
    {
        var folded = ChineseScript.ToSimplified(text);
        var minorInCase = people.Any(p => p.Minor);
        var recorded = people.Select(p => ChineseScript.ToSimplified(p.Name.Trim())).Where(n => n.Length > 0).ToList();
        var protectedPeople = people.Where(p => IsPseudonymised(p, kind, minorInCase) && p.Name.Trim().Length > 0
            && !(minorInCase && p.Role == PersonRole.LegalRepresentative && !IsPseudonymised(p, kind, false)
                && RepresentsOrganisation(folded, ChineseScript.ToSimplified(p.Name.Trim())))).ToList();
        foreach (var name in UnrecordedPeople.Find(folded, kind))
            if (!recorded.Any(r => r.StartsWith(name, StringComparison.Ordinal) || name.StartsWith(r, StringComparison.Ordinal)))
                protectedPeople.Add(new ProtectedPerson(name, PersonRole.ThirdParty));
        var pseudonyms = Pseudonyms.For(protectedPeople);
        // Sized for a judgment's usual density of findings, so the list does not grow through copies.
        var findings = new List<Finding>(Math.Max(16, text.Length / 24));
        foreach (var (name, pseudonym) in pseudonyms) AddName(findings, text, folded, name, pseudonym);
        var addressTails = new List<string>();
        foreach (var p in people)
        {
            if (p.IdNumber is { Length: > 0 } id) Add(findings, folded, id, RedactionKind.IdNumber);
            if (p.Phone is { Length: > 0 } phone) Add(findings, folded, phone, RedactionKind.Phone);
            if (!p.Organisation && p.Address is { Length: > 0 } address)
            {
                var value = ChineseScript.ToSimplified(address.Trim());
                addressTails.Add(value[CountyLevel.PrefixLength(value)..]);
            }
        }
        var organisations = people.Where(p => p.Organisation && p.Name.Trim().Length > 1)
            .Select(p => ChineseScript.ToSimplified(p.Name.Trim())).ToList();
        foreach (var s in SensitiveData.Find(folded, organisations))
        {
            findings.Add(new(s.Start, s.Length, s.Kind, "", findings.Count));
            if (s.Kind == RedactionKind.Address) addressTails.Add(folded.Substring(s.Start, s.Length));
        }
        // An address once known or found is deleted wherever else the judgment writes it (位于…的房屋, 系…的业主).
        foreach (var tail in addressTails.Distinct())
            if (tail.Length >= 5 || (tail.Length == 4 && tail.Any(char.IsAsciiDigit))) Add(findings, folded, tail, RedactionKind.Address);
        // Kept people's names hold their place against a protected name inside them (审判员张三丰 keeps 张三 whole).
        foreach (var name in recorded)
            if (!pseudonyms.ContainsKey(name) && name.Length > 1) Add(findings, folded, name, null);

        // Earliest first, the longest of those starting together first; then the order found, which puts names and what the
        // case knows ahead of patterns, and protection ahead of a kept name of the same span.
        findings.Sort(static (x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start)
            : x.Length != y.Length ? y.Length.CompareTo(x.Length) : x.Order.CompareTo(y.Order));
        var output = new System.Text.StringBuilder(text.Length);
        var made = new List<Redaction>();
        var at = 0;
        foreach (var f in findings)
        {
            if (f.Start < at) continue;
            output.Append(text, at, f.Start - at);
            at = f.Start + f.Length;
            if (f.Kind is not { } redacted)
            {
                output.Append(text, f.Start, f.Length);
                continue;
            }
            output.Append(f.Replacement);
            made.Add(new Redaction(redacted, f.Start, f.Length, f.Replacement));
        }
        output.Append(text, at, text.Length - at);
        return new AnonymisedText(output.ToString(), made);
    }

    private static readonly string[] NameDots = ["·", "•", "・", "．", "."];

    /// <summary>
    /// Every place the name is written, in either script and with any of the dots that join a transliterated name; the pseudonym
    /// takes the surname as written there. A short name the judgment introduces for the person is replaced the same way.
    /// </summary>
    private static void AddName(List<Finding> findings, string text, string folded, string name, string pseudonym)
    {
        var kept = CommonPrefix(name, pseudonym);
        var spellings = name.AsSpan().IndexOfAny("·•・．.") < 0 ? [name]
            : NameDots.Select(d => string.Join(d, name.Split(NameDots, StringSplitOptions.None))).Distinct().ToArray();
        string? firstReplacement = null;
        var aliases = new List<string>();
        foreach (var spelling in spellings)
            for (var i = folded.IndexOf(spelling, StringComparison.Ordinal); i >= 0;
                i = folded.IndexOf(spelling, i + spelling.Length, StringComparison.Ordinal))
            {
                var replacement = text.Substring(i, kept) + pseudonym[kept..];
                firstReplacement ??= replacement;
                findings.Add(new(i, spelling.Length, RedactionKind.Name, replacement, findings.Count));
                if (ShortName(folded, i + spelling.Length) is { } alias && alias != spelling) aliases.Add(alias);
            }
        foreach (var alias in aliases.Distinct())
            for (var i = folded.IndexOf(alias, StringComparison.Ordinal); i >= 0;
                i = folded.IndexOf(alias, i + alias.Length, StringComparison.Ordinal))
                findings.Add(new(i, alias.Length, RedactionKind.Name, firstReplacement!, findings.Count));
    }

    /// <summary>The short name in （以下简称…） right after a name, unless it is a role (原告, 被告人…) rather than the person.</summary>
    private static string? ShortName(string folded, int after)
    {
        var rest = folded.AsSpan(after);
        if (!rest.StartsWith("（以下简称") && !rest.StartsWith("(以下简称")) return null;
        rest = rest[5..];
        var close = rest.IndexOfAny('）', ')');
        if (close is < 1 or > 10) return null;
        var alias = rest[..close].Trim("“”\"「」『』‘’'").ToString();
        return alias.Length == 0 || alias.EndsWith('人') || alias.EndsWith('告') || alias.Contains('、') ? null : alias;
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return n;
    }

    /// <summary>
    /// Whether a legal representative stands for an organisation (法定代表人, 负责人) rather than for a minor (法定代理人): the role the
    /// record gives does not tell them apart, the judgment's words do.
    /// </summary>
    private static bool RepresentsOrganisation(string folded, string name)
    {
        foreach (var title in (string[])["法定代表人", "负责人"])
            for (var i = folded.IndexOf(title, StringComparison.Ordinal); i >= 0;
                i = folded.IndexOf(title, i + title.Length, StringComparison.Ordinal))
            {
                var at = i + title.Length;
                if (at < folded.Length && folded[at] is '：' or ':') at++;
                if (folded.AsSpan(at).TrimStart(' ').StartsWith(name, StringComparison.Ordinal)) return true;
            }
        return false;
    }

    private static void Add(List<Finding> findings, string folded, string value, RedactionKind? kind)
    {
        value = value.Trim();
        if (value.Length == 0) return;
        for (var i = folded.IndexOf(value, StringComparison.Ordinal); i >= 0;
            i = folded.IndexOf(value, i + value.Length, StringComparison.Ordinal))
            findings.Add(new(i, value.Length, kind, "", findings.Count));
    }
}
