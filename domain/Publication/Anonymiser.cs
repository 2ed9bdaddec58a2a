namespace ECourt.Domain.Publication;

/// <summary>A change the anonymisation made: its kind and the span of the original text it replaced or deleted.</summary>
public sealed record Redaction(RedactionKind Kind, int Start, int Length);

/// <summary>The text as it may be published, and every redaction made to the original.</summary>
public sealed record AnonymisedText(string Text, IReadOnlyList<Redaction> Redactions);

/// <summary>
/// Anonymising a judgment's text for publication (SPC Provisions on Publishing Judgments on the Internet, 2016, arts. 8–10):
/// the names the rules protect are pseudonymised (<see cref="Pseudonyms"/>): parties and their legal representatives in family,
/// marriage and inheritance cases, victims, witnesses and appraisers in criminal cases, minors and their legal representatives
/// always; judges', clerks', lawyers' and organisations' names are never touched. What the case knows of each person (identity
/// number, phone) and whatever else looks like an identity number, phone, bank card, plate or email is deleted without a marker;
/// a known address is cut to county level. Overlapping findings: the earliest, then the longest, wins.
/// </summary>
public static class Anonymiser
{
    public static bool IsPseudonymised(ProtectedPerson p, JudgmentCaseKind kind, bool minorInCase) =>
        !p.Organisation && p.Role != PersonRole.Judge && (p.Minor
            || (kind == JudgmentCaseKind.Family && p.Role is PersonRole.Plaintiff or PersonRole.Defendant or PersonRole.ThirdParty
                or PersonRole.LegalRepresentative)
            || (kind == JudgmentCaseKind.Criminal && p.Role is PersonRole.Victim or PersonRole.Witness or PersonRole.Appraiser)
            || (minorInCase && p.Role == PersonRole.LegalRepresentative));

    public static AnonymisedText Anonymise(string text, IReadOnlyList<ProtectedPerson> people, JudgmentCaseKind kind)
    {
        var minorInCase = people.Any(p => p.Minor);
        var protectedPeople = people.Where(p => IsPseudonymised(p, kind, minorInCase) && p.Name.Trim().Length > 0).ToList();
        var pseudonyms = Pseudonyms.For(protectedPeople);
        var spans = new List<(Redaction Redaction, string Replacement)>();
        foreach (var (name, pseudonym) in pseudonyms) Add(spans, text, name, RedactionKind.Name, pseudonym);
        foreach (var p in people)
        {
            if (p.IdNumber is { Length: > 0 } id) Add(spans, text, id, RedactionKind.IdNumber, "");
            if (p.Phone is { Length: > 0 } phone) Add(spans, text, phone, RedactionKind.Phone, "");
            if (!p.Organisation && p.Address is { Length: > 0 } address) Add(spans, text, address, RedactionKind.Address,
                CountyLevel.Of(address));
        }
        spans.AddRange(SensitiveData.Find(text).Select(s => (new Redaction(s.Kind, s.Start, s.Length), "")));

        var output = new System.Text.StringBuilder(text.Length);
        var made = new List<Redaction>();
        var at = 0;
        // Earliest first, the longest of those starting together first; a stable sort keeps the case's own findings ahead.
        var ordered = spans.Select((s, i) => (s.Redaction, s.Replacement, Index: i)).ToArray();
        Array.Sort(ordered, (x, y) => x.Redaction.Start != y.Redaction.Start ? x.Redaction.Start.CompareTo(y.Redaction.Start)
            : x.Redaction.Length != y.Redaction.Length ? y.Redaction.Length.CompareTo(x.Redaction.Length) : x.Index.CompareTo(y.Index));
        foreach (var (redaction, replacement, _) in ordered)
        {
            if (redaction.Start < at) continue;
            output.Append(text, at, redaction.Start - at).Append(replacement);
            at = redaction.Start + redaction.Length;
            made.Add(redaction);
        }
        output.Append(text, at, text.Length - at);
        return new AnonymisedText(output.ToString(), made);
    }

    private static void Add(List<(Redaction, string)> spans, string text, string value, RedactionKind kind, string replacement)
    {
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length,
            StringComparison.Ordinal))
            spans.Add((new Redaction(kind, i, value.Length), replacement));
    }
}
