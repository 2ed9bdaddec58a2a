using System.Text;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace ECourt.Domain.Judgments;

/// <summary>Why a judgment's text could not be read out of its PDF: the clerk then types or checks it instead.</summary>
public enum TextReadingFailure
{
    /// <summary>A scan, or a page of images: next to no letters.</summary>
    [JsonStringEnumMemberName("no-text-layer")]
    NoTextLayer,
    /// <summary>Characters the font's map lost: U+FFFD, private-use code points, control characters.</summary>
    [JsonStringEnumMemberName("replacement-characters")]
    ReplacementCharacters,
    /// <summary>A font without a map from its glyphs to Unicode, as official PDFs often embed: what it draws cannot be read.</summary>
    [JsonStringEnumMemberName("unmapped-font")]
    UnmappedFont,
    /// <summary>Not a PDF, a damaged one, or one locked with a password.</summary>
    [JsonStringEnumMemberName("unreadable")]
    Unreadable,
}

/// <summary>
/// A judgment's text as read out of its PDF: the text with its broken lines joined, or why it could not be read (never both), and
/// the PDF's page count.
/// </summary>
public sealed record JudgmentTextReading(string? Text, TextReadingFailure? Failure, int Pages)
{
    public static JudgmentTextReading Unreadable { get; } = new(null, TextReadingFailure.Unreadable, 0);
}

/// <summary>
/// The text read out of a judgment's PDF (issue 18: "extraction that fails goes to the clerk instead of being published half-read;
/// broken lines are joined before the residue scan"). Raw text comes one line of the page a line, pages apart by a form feed,
/// a paragraph's indentation as full-width spaces and a gap between paragraphs as a blank line.
/// </summary>
public static partial class ExtractedText
{
    public const char PageBreak = '\f';

    /// <summary>
    /// A page of a judgment carries hundreds of characters (an A4 page in 3号仿宋 about 28 × 22); a scan's text layer holds at most its
    /// page numbers or a court's name in a stamp. Twenty letters a page, on average over the pages, tells the two apart; a short
    /// last page is carried by the others.
    /// </summary>
    public const int MinimumLettersPerPage = 20;

    /// <summary>
    /// One lost character is too many: a character missing from a party's name or an identity number defeats the match that
    /// masks it, and the rest of the name or number would be published.
    /// </summary>
    public const int LostCharactersAllowed = 0;

    /// <summary>
    /// A glyph the reader could not map stands for an unknown character: the same reason as <see cref="LostCharactersAllowed"/>.
    /// </summary>
    public const int UnmappedGlyphsAllowed = 0;

    /// <summary>The raw text judged and, when it passes, its broken lines joined.</summary>
    public static JudgmentTextReading Read(string raw, int pages, int unmappedGlyphs) =>
        Judge(raw, pages, unmappedGlyphs) is { } failure
            ? new JudgmentTextReading(null, failure, pages)
            : new JudgmentTextReading(JoinBrokenLines(raw), null, pages);

    /// <summary>Why the raw text is too badly read to publish, the most particular reason first; null when it can be used.</summary>
    public static TextReadingFailure? Judge(string raw, int pages, int unmappedGlyphs)
    {
        if (unmappedGlyphs > UnmappedGlyphsAllowed) return TextReadingFailure.UnmappedFont;
        int letters = 0, lost = 0;
        foreach (var rune in raw.EnumerateRunes())
        {
            if (Rune.IsLetter(rune)) letters++;
            else if (IsLost(rune)) lost++;
        }
        if (lost > LostCharactersAllowed) return TextReadingFailure.ReplacementCharacters;
        return letters < MinimumLettersPerPage * Math.Max(pages, 1) ? TextReadingFailure.NoTextLayer : null;
    }

    /// <summary>
    /// U+FFFD (also what a lone surrogate reads as), the private-use areas (U+E000–U+F8FF and planes 15 and 16) and control
    /// characters other than the layout's tab, line feeds and form feed.
    /// </summary>
    private static bool IsLost(Rune rune) =>
        rune.Value == 0xFFFD
        || rune.Value is >= 0xE000 and <= 0xF8FF
        || rune.Value >= 0xF0000
        || (Rune.IsControl(rune) && rune.Value is not ('\t' or '\n' or '\r' or '\f'));

    /// <summary>
    /// Lines the PDF broke inside a sentence, joined: Chinese without a space, Latin words with one, a word hyphenated at the line's
    /// end made whole, and a run of digits (or digits and letters: a plate, an account) without a space, so that an identity
    /// number or a phone broken across lines or pages is whole for the residue scan. A line keeps its break after sentence
    /// punctuation (。！？；：, also before a closing quotation mark or bracket), at a blank line, before a line indented with spaces
    /// and before a numbered item (一、 （一） 1. (1) ①). Page numbers at a page's head or foot are dropped.
    /// </summary>
    public static string JoinBrokenLines(string raw)
    {
        var text = new StringBuilder(raw.Length);
        string? previous = null;
        foreach (var line in Lines(raw))
        {
            if (previous is null) { }
            else if (KeepsBreak(previous, line)) text.Append('\n');
            else if (IsHyphenatedWord(previous, line)) text.Length--;
            else if (NeedsSpace(previous[^1], line[0])) text.Append(' ');
            text.Append(line);
            previous = line;
        }
        return text.ToString();
    }

    private static IEnumerable<string> Lines(string raw)
    {
        foreach (var page in raw.Replace("\r\n", "\n").Replace('\r', '\n').Split(PageBreak))
        {
            var lines = page.Split('\n').Select(l => l.TrimEnd()).ToList();
            TrimPageEdges(lines);
            foreach (var line in lines) yield return line;
        }
    }

    /// <summary>Blank lines and page numbers at a page's head and foot are the page's furniture, not the judgment's text.</summary>
    private static void TrimPageEdges(List<string> lines)
    {
        while (lines.Count > 0 && IsFurniture(lines[0])) lines.RemoveAt(0);
        while (lines.Count > 0 && IsFurniture(lines[^1])) lines.RemoveAt(lines.Count - 1);
    }

    private static bool IsFurniture(string line) => line.Length == 0 || PageNumber().IsMatch(line.AsSpan().Trim());

    private static bool KeepsBreak(string previous, string line) =>
        previous.Length == 0 || line.Length == 0
        || char.IsWhiteSpace(line[0])
        || EndsSentence(previous)
        || NumberedItem().IsMatch(line);

    private const string SentenceEnds = "。！？；：";
    private const string Closers = "”’」』）】〕》\"')";

    private static bool EndsSentence(string line)
    {
        var end = line.AsSpan().TrimEnd(Closers);
        return end.Length > 0 && SentenceEnds.Contains(end[^1]);
    }

    /// <summary>"agree-" + "ment": a Latin letter, a hyphen at the line's end, and a small letter to go on with.</summary>
    private static bool IsHyphenatedWord(string previous, string line) =>
        previous.Length >= 2 && previous[^1] == '-' && IsLatinLetter(previous[^2]) && char.IsLower(line[0]) && IsLatinLetter(line[0]);

    private static bool NeedsSpace(char before, char after)
    {
        if (IsWide(before) || IsWide(after) || before == '-') return false;
        // Digits on either side of an alphanumeric break: an identifier, a plate or a sum broken by the line, never two words.
        if (char.IsAsciiLetterOrDigit(before) && char.IsAsciiLetterOrDigit(after)
            && (char.IsAsciiDigit(before) || char.IsAsciiDigit(after))) return false;
        return true;
    }

    private static bool IsLatinLetter(char c) => char.IsLetter(c) && c < 0x0250;

    /// <summary>Characters set without spaces around them in Chinese: ideographs, kana, hangul, CJK and full-width punctuation.</summary>
    public static bool IsWide(char c) =>
        c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFFEF') or '·'
        // Ideographs beyond the first plane (CJK extensions B and after) come as surrogate pairs.
        || char.IsSurrogate(c);

    [GeneratedRegex(@"^(?:第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*[，,/]?\s*第\s*\d+\s*页"
        + @"|[-—–－]\s*\d+\s*[-—–－]|\d+\s*/\s*\d+|\d{1,4})$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|\d{1,3}[、．.](?=[^\d\s])|[（(]\d{1,3}[）)]|[①-⑳])")]
    private static partial Regex NumberedItem();
}
