using System.Text.RegularExpressions;

namespace ECourt.Domain.Numbering;

/// <summary>
/// A case number in the SPC's format with full-width parentheses: （2026）黑01民初123号 —
/// year, court code, case-type code, and a sequence unique per court, year and type.
/// </summary>
public sealed partial record CaseNumber(int Year, string CourtCode, string TypeCode, int Sequence)
{
    public override string ToString() => $"（{Year}）{CourtCode}{TypeCode}{Sequence}号";

    public static bool TryParse(string text, out CaseNumber number)
    {
        number = null!;
        var m = Pattern().Match(text);
        if (!m.Success) return false;
        number = new CaseNumber(int.Parse(m.Groups[1].Value), m.Groups[2].Value, m.Groups[3].Value, int.Parse(m.Groups[4].Value));
        return number.Sequence > 0;
    }

    [GeneratedRegex(@"^（([0-9]{4})）(\p{IsCJKUnifiedIdeographs}[0-9]{2,4})(\p{IsCJKUnifiedIdeographs}{1,4})([1-9][0-9]{0,6})号$")]
    private static partial Regex Pattern();
}
