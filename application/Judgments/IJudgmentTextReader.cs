using ECourt.Domain.Judgments;

namespace ECourt.Application.Judgments;

/// <summary>
/// Reads a signed judgment's text out of its PDF when the judge sends none (issue 18): the text for anonymisation, or why it
/// could not be read, so that a half-read text goes to the clerk instead of the public. The PDF itself stays internal. A file
/// that is not a readable PDF is a failed reading, never an exception; only cancellation throws.
/// </summary>
public interface IJudgmentTextReader
{
    Task<JudgmentTextReading> ReadAsync(Stream pdf, CancellationToken ct);
}
