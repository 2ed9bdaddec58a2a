using System.Security.Cryptography;
using System.Text;
using ECourt.Application.Documents;

namespace ECourt.Application.Judgments;

/// <summary>
/// The judgment's full text, as drafted or read from its PDF: kept with the case's documents under an id of its own, never listed in
/// the case file (the parties have the signed document; the text is what publication anonymises). Written before the judgment is
/// recorded, so a crash leaves at most an unlisted text, never a judgment without one.
/// </summary>
public sealed class JudgmentText(IDocumentStore documents)
{
    /// <summary>A long judgment runs to a few tens of thousands of characters; this bounds a runaway client, not a court.</summary>
    public const int MaxChars = 200_000;

    public const string ContentType = "text/plain; charset=utf-8";

    public static string BlobId(string judgmentId) => judgmentId + "-text";

    public async Task PutAsync(string caseId, string judgmentId, string text, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await documents.PutAsync(caseId, BlobId(judgmentId), bytes, ContentType, Convert.ToHexStringLower(SHA256.HashData(bytes)), ct);
    }

    public async Task<string?> GetAsync(string caseId, string judgmentId, CancellationToken ct) =>
        await documents.GetAsync(caseId, BlobId(judgmentId), ct) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
}
