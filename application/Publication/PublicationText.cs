using System.Security.Cryptography;
using System.Text;
using ECourt.Application.Documents;

namespace ECourt.Application.Publication;

/// <summary>
/// The anonymised texts of a judgment's publication, kept beside the case's documents under ids of their own (never listed in the
/// case file), each named by its content's hash: written once, before the case records it, so a crash or a retried decision leaves at
/// most an unrecorded text, and the same text is the same id.
/// </summary>
public sealed class PublicationText(IDocumentStore documents)
{
    public async Task<string> PutAsync(string caseId, string judgmentId, string text, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var id = $"{judgmentId}-publication-{sha[..24]}";
        await documents.PutAsync(caseId, id, bytes, "text/plain; charset=utf-8", sha, ct);
        return id;
    }

    public async Task<string?> GetAsync(string caseId, string? textId, CancellationToken ct) =>
        textId is not null && await documents.GetAsync(caseId, textId, ct) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
}
