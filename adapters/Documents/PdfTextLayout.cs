using System.Text;
using ECourt.Domain.Judgments;
using UglyToad.PdfPig.Content;

namespace ECourt.Adapters.Documents;

/// <summary>
/// A page's letters in reading order, as <see cref="ExtractedText"/> takes them: letters on one baseline make a line, lines run top
/// down and letters left to right; a word space where Latin letters stand apart; a line starting right of the body's margin is
/// indented with full-width spaces (a paragraph, a centred title, a signature) and a gap wider than the usual leading leaves a
/// blank line. Letters drawn at an angle (a seal's ring, a margin note) follow the page's lines, each run apart.
/// </summary>
internal static class PdfTextLayout
{
    /// <summary>Letters whose baselines differ by less than this share of their size are on one line (sub- and superscripts).</summary>
    private const double SameLine = 0.5;

    /// <summary>A gap wider than this share of an em between Latin letters is a word space (Times' and Helvetica's: 0.25–0.28).</summary>
    private const double WordSpace = 0.2;

    /// <summary>A gap of an em or more between Chinese characters is a full-width space (审判长　张三).</summary>
    private const double WideSpace = 1.0;

    /// <summary>A line starting this many ems right of the margin is indented: Chinese paragraphs indent two.</summary>
    private const double Indent = 1.0;

    /// <summary>A baseline this many times the usual leading below the last is a new paragraph.</summary>
    private const double ParagraphGap = 1.6;

    /// <summary>Two of the same letter this close, in ems, are one letter drawn twice: bold made by overprinting.</summary>
    private const double Overprint = 0.1;

    private const string Indentation = "　　";

    internal sealed record Line(string Text, double StartX, double BaselineY, double Size, bool Apart = false);

    internal sealed record PageLetters(IReadOnlyList<Line> Lines)
    {
        public static PageLetters Of(Page page)
        {
            var letters = page.Letters;
            var horizontal = letters.Where(l => l.TextOrientation == TextOrientation.Horizontal).ToList();
            var lines = new List<Line>();
            List<Letter>? current = null;
            foreach (var letter in horizontal.OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.StartBaseLine.X))
            {
                if (current is not null
                    && Math.Abs(current[0].StartBaseLine.Y - letter.StartBaseLine.Y) <= SameLine * Math.Max(Size(current[0]), Size(letter)))
                {
                    current.Add(letter);
                    continue;
                }
                if (current is not null && LineOf(current) is { } done) lines.Add(done);
                current = [letter];
            }
            if (current is not null && LineOf(current) is { } last) lines.Add(last);
            foreach (var run in Runs(letters.Where(l => l.TextOrientation != TextOrientation.Horizontal)))
                lines.Add(new Line(run, 0, 0, 0, Apart: true));
            return new PageLetters(lines);
        }

        private static IEnumerable<string> Runs(IEnumerable<Letter> letters)
        {
            var run = new StringBuilder();
            TextOrientation? orientation = null;
            foreach (var letter in letters)
            {
                if (orientation != letter.TextOrientation && run.Length > 0)
                {
                    if (run.ToString().Trim() is { Length: > 0 } text) yield return text;
                    run.Clear();
                }
                orientation = letter.TextOrientation;
                run.Append(letter.Value);
            }
            if (run.ToString().Trim() is { Length: > 0 } rest) yield return rest;
        }
    }

    private static double Size(Letter letter) => letter.PointSize > 0 ? letter.PointSize : letter.FontSize > 0 ? letter.FontSize : 1;

    private static Line? LineOf(List<Letter> letters)
    {
        var text = new StringBuilder();
        Letter? previous = null, first = null;
        string? space = null;
        foreach (var letter in letters.OrderBy(l => l.StartBaseLine.X))
        {
            if (string.IsNullOrWhiteSpace(letter.Value))
            {
                if (previous is not null) space = letter.Value.Contains('　') ? "　" : " ";
                continue;
            }
            if (previous is not null)
            {
                var em = Math.Max(Size(previous), Size(letter));
                if (space is null && letter.Value == previous.Value
                    && Math.Abs(letter.StartBaseLine.X - previous.StartBaseLine.X) < Overprint * em) continue;
                text.Append(space ?? Gap(previous, letter, em));
            }
            first ??= letter;
            text.Append(letter.Value);
            previous = letter;
            space = null;
        }
        return first is null ? null : new Line(text.ToString(), first.StartBaseLine.X, first.StartBaseLine.Y, Size(first));
    }

    private static string Gap(Letter previous, Letter letter, double em)
    {
        var gap = letter.StartBaseLine.X - previous.EndBaseLine.X;
        if (ExtractedText.IsWide(previous.Value[^1]) || ExtractedText.IsWide(letter.Value[0]))
            return gap >= WideSpace * em ? "　" : "";
        return gap > WordSpace * em ? " " : "";
    }

    /// <summary>The pages' text: lines apart by a line feed, pages by <see cref="ExtractedText.PageBreak"/>.</summary>
    public static string Text(IReadOnlyList<PageLetters> pages)
    {
        var lines = pages.SelectMany(p => p.Lines).Where(l => !l.Apart).ToList();
        var margin = Margin(lines);
        var leading = Leading(pages);
        var text = new StringBuilder();
        foreach (var (page, i) in pages.Select((p, i) => (p, i)))
        {
            if (i > 0) text.Append(ExtractedText.PageBreak);
            Line? previous = null;
            foreach (var line in page.Lines)
            {
                if (previous is not null)
                {
                    text.Append('\n');
                    if (line.Apart || previous.BaselineY - line.BaselineY > ParagraphGap * leading) text.Append('\n');
                }
                if (!line.Apart && line.StartX - margin >= Indent * line.Size) text.Append(Indentation);
                text.Append(line.Text);
                previous = line;
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// Where the body's lines start: the leftmost start of any line in the document, since a sentence wrapped onto the next line
    /// starts there, and page numbers, titles and signatures are centred or set right.
    /// </summary>
    private static double Margin(IReadOnlyList<Line> lines) => lines.Count == 0 ? 0 : lines.Min(l => l.StartX);

    /// <summary>The usual distance between consecutive baselines: the median over the document, pages apart.</summary>
    private static double Leading(IReadOnlyList<PageLetters> pages)
    {
        var gaps = pages
            .SelectMany(p => p.Lines.Where(l => !l.Apart).Zip(p.Lines.Where(l => !l.Apart).Skip(1), (a, b) => a.BaselineY - b.BaselineY))
            .Where(g => g > 0).Order().ToList();
        return gaps.Count == 0 ? double.PositiveInfinity : gaps[gaps.Count / 2];
    }
}
