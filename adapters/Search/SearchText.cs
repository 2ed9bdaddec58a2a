using System.Globalization;
using System.Text;
using ECourt.Domain.Publication;

namespace ECourt.Adapters.Search;

/// <summary>
/// What both engines do alike with text, so that a query finds the same judgments in Azure as on one machine: the script
/// both index and query are normalised to, the words a query is made of, and the excerpt shown with a hit.
/// </summary>
public static class SearchText
{
    private const int Before = 40;
    private const int Length = 160;

    /// <summary>
    /// Simplified Chinese: SmartCn (and Azure's zh-Hans analyzers, which are SmartCn and Microsoft's) segment Simplified text,
    /// and a reader searching 签订 must find a judgment written 簽訂, and the reverse. The one place the script is normalised.
    /// </summary>
    public static string Normalised(string text) => ChineseScript.ToSimplified(text);

    /// <summary>
    /// The words of a query, normalised: runs of letters and digits (punctuation and spaces separate them). Each must occur in
    /// a judgment found, its characters together (a phrase: 张三丰 is not found in a text that has 张, 三 and 丰 apart).
    /// </summary>
    public static IReadOnlyList<string> Words(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return [];
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in Normalised(query).EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark)
            {
                word.Append(rune.ToString());
                continue;
            }
            if (word.Length > 0) words.Add(word.ToString());
            word.Clear();
        }
        if (word.Length > 0) words.Add(word.ToString());
        return words.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// Plain text around the first place one of the words occurs (the beginning when none does, or none was asked for), in the
    /// judgment's own script, white space folded, "…" where it is cut. The match is looked for in the normalised text, and the
    /// excerpt cut from the published text at the same place: folding keeps every character's place (one for one).
    /// </summary>
    public static string Excerpt(string text, IReadOnlyList<string> words)
    {
        var normalised = Normalised(text);
        var searched = normalised.Length == text.Length ? normalised : text;
        var first = words.Select(w => searched.IndexOf(w, Comparison(w))).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, Math.Min(first - Before, text.Length - Length));
        var end = Math.Min(text.Length, start + Length);
        if (start > 0 && char.IsLowSurrogate(text[start])) start--;
        if (end < text.Length && char.IsLowSurrogate(text[end])) end++;
        var excerpt = new StringBuilder(end - start + 2);
        if (start > 0) excerpt.Append('…');
        var space = false;
        for (var i = start; i < end; i++)
        {
            if (char.IsWhiteSpace(text[i]) || char.IsControl(text[i])) { space = excerpt.Length > 0; continue; }
            if (space) excerpt.Append(' ');
            space = false;
            excerpt.Append(text[i]);
        }
        if (end < text.Length) excerpt.Append('…');
        return excerpt.ToString();
    }

    /// <summary>Ignoring case only where a word has letters with case: on Chinese it is a hundred times slower than ordinal.</summary>
    private static StringComparison Comparison(string word) =>
        word.Any(c => char.ToUpperInvariant(c) != char.ToLowerInvariant(c)) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}
