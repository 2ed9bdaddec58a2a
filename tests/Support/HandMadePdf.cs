using System.Globalization;
using System.Text;

namespace ECourt.Testing;

/// <summary>How the hand-made Chinese font maps its glyphs back to text.</summary>
/// <param name="ToUnicode">Whether the font carries a ToUnicode CMap; official PDFs often embed subsets without one.</param>
/// <param name="FirstCid">The first glyph's CID: a full system font's glyph ids run into the thousands, which a reader that casts an
/// unmapped code to a character turns into plausible ideographs.</param>
/// <param name="MappedAs">Characters whose glyph the ToUnicode CMap maps to something else (U+FFFD, a private-use code point).</param>
public sealed record PdfFontMap(bool ToUnicode = true, int FirstCid = 1, IReadOnlyDictionary<char, string>? MappedAs = null)
{
    public static PdfFontMap Default { get; } = new();
}

/// <summary>
/// Minimal, valid PDFs written by hand for the text reader's tests, since no CJK font file is on the machines and no downloaded
/// binary is committed. Chinese text is drawn with a Type0 font, Identity-H encoding, one CID per distinct character and (unless
/// told otherwise) a ToUnicode CMap from CIDs to the characters: no font program is embedded, which text extraction does not need.
/// A page is a list of lines drawn top down at 12 pt with an 18 pt leading from a 72 pt margin; leading full-width spaces indent a
/// line by that many ems instead of being drawn, and an empty line leaves a line's gap.
/// </summary>
public static class HandMadePdf
{
    public const double FontSize = 12;
    public const double Leading = 18;
    public const double Margin = 72;
    private const double PageWidth = 595;
    private const double PageHeight = 842;

    public static byte[] Chinese(params string[][] pages) => Chinese(PdfFontMap.Default, pages);

    public static byte[] Chinese(PdfFontMap map, params string[][] pages)
    {
        var characters = pages.SelectMany(p => p).SelectMany(l => l.TrimStart('　')).Distinct().ToList();
        var cids = characters.Select((c, i) => (c, Cid: map.FirstCid + i)).ToDictionary(x => x.c, x => x.Cid);
        var pdf = new PdfWriter();
        var font = pdf.Reserve();
        var pageIds = pages.Select(lines => pdf.Add(Page(pdf, Stream(ChineseContent(lines, cids)), $"/Font << /F1 {font} 0 R >>")))
            .ToList();
        var descriptor = pdf.Add("<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 "
            + "/Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>");
        // Latin letters and digits are half as wide as ideographs, as in Chinese fonts.
        var widths = string.Join(' ', cids.Where(x => x.Key < 0x2E80).Select(x => $"{x.Value} [500]"));
        var cidFont = pdf.Add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun "
            + $"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R "
            + $"/DW 1000 /W [{widths}] /CIDToGIDMap /Identity >>");
        var toUnicode = map.ToUnicode ? $" /ToUnicode {pdf.Add(Stream(ToUnicodeCMap(cids, map.MappedAs)))} 0 R" : "";
        pdf.Set(font, "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
            + $"/DescendantFonts [{cidFont} 0 R]{toUnicode} >>");
        return pdf.Finish(pageIds);
    }

    /// <summary>A scan: each page one image and no text operator.</summary>
    public static byte[] ImageOnly(int pages = 1)
    {
        var pdf = new PdfWriter();
        // A 2 × 2 grey image, drawn over most of the page.
        var image = pdf.Add(Stream("\x10\x80\x80\x10",
            "/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8"));
        var content = Stream($"q {PageWidth - 2 * Margin} 0 0 {PageHeight - 2 * Margin} {Margin} {Margin} cm /Im1 Do Q");
        var pageIds = Enumerable.Range(0, pages).Select(_ => pdf.Add(Page(pdf, content, $"/XObject << /Im1 {image} 0 R >>"))).ToList();
        return pdf.Finish(pageIds);
    }

    /// <summary>A page with a content stream that draws nothing.</summary>
    public static byte[] Blank()
    {
        var pdf = new PdfWriter();
        return pdf.Finish([pdf.Add(Page(pdf, Stream(""), ""))]);
    }

    private static string Page(PdfWriter pdf, string content, string resources) =>
        $"<< /Type /Page /Parent {PdfWriter.PagesId} 0 R /MediaBox [0 0 {PageWidth} {PageHeight}] /Resources << {resources} >> "
        + $"/Contents {pdf.Add(content)} 0 R >>";

    private static string ChineseContent(IEnumerable<string> lines, Dictionary<char, int> cids)
    {
        var content = new StringBuilder();
        var y = PageHeight - Margin;
        foreach (var line in lines)
        {
            var text = line.TrimStart('　');
            var x = Margin + (line.Length - text.Length) * FontSize;
            if (text.Length > 0)
                content.Append(Invariant($"BT /F1 {FontSize} Tf {x} {y} Td <"))
                    .AppendJoin("", text.Select(c => cids[c].ToString("X4", CultureInfo.InvariantCulture))).Append("> Tj ET\n");
            y -= Leading;
        }
        return content.ToString();
    }

    private static string ToUnicodeCMap(Dictionary<char, int> cids, IReadOnlyDictionary<char, string>? mappedAs)
    {
        var cmap = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            + "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            + "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        foreach (var block in cids.Chunk(100))
        {
            cmap.Append(Invariant($"{block.Length} beginbfchar\n"));
            foreach (var (c, cid) in block)
            {
                var unicode = mappedAs?.GetValueOrDefault(c) ?? c.ToString();
                cmap.Append(Invariant($"<{cid:X4}> <"))
                    .AppendJoin("", unicode.Select(u => ((int)u).ToString("X4", CultureInfo.InvariantCulture))).Append(">\n");
            }
            cmap.Append("endbfchar\n");
        }
        return cmap.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").ToString();
    }

    private static string Stream(string data, string dictionary = "") =>
        $"<< {dictionary} /Length {Encoding.Latin1.GetByteCount(data)} >>\nstream\n{data}\nendstream";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Numbered objects, the page tree as object 2 under the catalogue as object 1, and a cross-reference table.</summary>
    private sealed class PdfWriter
    {
        public const int PagesId = 2;
        private readonly List<string?> _objects = [null, null];

        public int Reserve()
        {
            _objects.Add(null);
            return _objects.Count;
        }

        public int Add(string body)
        {
            _objects.Add(body);
            return _objects.Count;
        }

        public void Set(int id, string body) => _objects[id - 1] = body;

        public byte[] Finish(IReadOnlyList<int> pages)
        {
            Set(1, $"<< /Type /Catalog /Pages {PagesId} 0 R >>");
            Set(PagesId, $"<< /Type /Pages /Kids [{string.Join(' ', pages.Select(p => $"{p} 0 R"))}] /Count {pages.Count} >>");
            var file = new StringBuilder("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
            var offsets = new List<int>();
            for (var i = 0; i < _objects.Count; i++)
            {
                offsets.Add(file.Length);
                file.Append(Invariant($"{i + 1} 0 obj\n{_objects[i]}\nendobj\n"));
            }
            var xref = file.Length;
            file.Append(Invariant($"xref\n0 {_objects.Count + 1}\n0000000000 65535 f \n"));
            foreach (var offset in offsets) file.Append(Invariant($"{offset:D10} 00000 n \n"));
            file.Append(Invariant($"trailer\n<< /Size {_objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
            // Every character written is below U+0100, so Latin-1 keeps one byte per character and the offsets hold.
            return Encoding.Latin1.GetBytes(file.ToString());
        }
    }
}
