using ECourt.Domain.Cases;

namespace ECourt.Application.Judgments;

/// <summary>
/// A judgment's id: "jd" and its case's 24 hex digits. A case ends its first instance with one judgment (a second is refused by the
/// transition table), so the id names the case too: the routes on a judgment find its case without an index.
/// </summary>
public static class JudgmentIds
{
    public static string For(string caseId) => "jd" + caseId[2..];

    public static string? CaseOf(string? judgmentId) =>
        judgmentId is { Length: 26 } && judgmentId.StartsWith("jd", StringComparison.Ordinal) && CaseId.IsValid("cs" + judgmentId[2..])
            ? "cs" + judgmentId[2..]
            : null;
}
