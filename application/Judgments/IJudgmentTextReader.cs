using ECourt.Domain.Judgments;

namespace ECourt.Application.Judgments;

/// <summary>Reads the text of a signed judgment's PDF, or says why it could not be read (the clerk then supplies it).</summary>
public interface IJudgmentTextReader
{
    Task<JudgmentTextReading> ReadAsync(Stream pdf, CancellationToken ct);
}
