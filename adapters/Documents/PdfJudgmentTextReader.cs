using ECourt.Application.Judgments;
using ECourt.Domain.Judgments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Logging;

namespace ECourt.Adapters.Documents;

/// <summary>
/// Reads a signed judgment's text layer with PdfPig: each page's letters laid out in lines by their position
/// (<see cref="PdfTextLayout"/>), pages apart by a form feed, and the result judged and joined by the domain's
/// <see cref="ExtractedText"/>. Glyphs PdfPig could not map to Unicode are counted, since it otherwise passes the glyph's code off
/// as a character (the code cast to a char, as PDFBox 1.8 did), which for a CJK font's glyph ids looks like real ideographs.
/// Anything wrong with the file itself (not a PDF, damaged, a password) is an <see cref="TextReadingFailure.Unreadable"/> reading.
/// </summary>
public sealed class PdfJudgmentTextReader(ILogger<PdfJudgmentTextReader>? log = null) : IJudgmentTextReader
{
    private readonly ILogger _log = log ?? (ILogger)NullLogger.Instance;

    public async Task<JudgmentTextReading> ReadAsync(Stream pdf, CancellationToken ct)
    {
        using var file = new MemoryStream();
        await pdf.CopyToAsync(file, ct);
        return Read(file.GetBuffer().AsMemory(0, (int)file.Length), ct);
    }

    private JudgmentTextReading Read(ReadOnlyMemory<byte> file, CancellationToken ct)
    {
        var unmapped = new UnmappedGlyphs();
        try
        {
            // Not lenient about missing fonts: skipping what a missing font draws would publish a half-read text.
            using var document = PdfDocument.Open(file, new ParsingOptions { Logger = unmapped, SkipMissingFonts = false });
            var pages = new List<PdfTextLayout.PageLetters>();
            foreach (var page in document.GetPages())
            {
                ct.ThrowIfCancellationRequested();
                pages.Add(PdfTextLayout.PageLetters.Of(page));
            }
            return ExtractedText.Read(PdfTextLayout.Text(pages), pages.Count, unmapped.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _log.LogWarning(e, "A judgment's PDF could not be read: {Reason}", e.Message);
            return JudgmentTextReading.Unreadable;
        }
    }

    /// <summary>
    /// PdfPig tells of a glyph it could not map to Unicode only in its log ("We could not find the corresponding character with
    /// code … in font …", BaseStreamProcessor, 0.1.16), and logs each such glyph once.
    /// </summary>
    private sealed class UnmappedGlyphs : ILog
    {
        private const string Unmapped = "We could not find the corresponding character";

        public int Count { get; private set; }

        public void Warn(string message)
        {
            if (message.StartsWith(Unmapped, StringComparison.Ordinal)) Count++;
        }

        public void Debug(string message) { }

        public void Debug(string message, Exception ex) { }

        public void Error(string message) { }

        public void Error(string message, Exception ex) { }
    }
}
