using ECourt.Domain.Cases;

namespace ECourt.Domain.Enforcement;

/// <summary>
/// A request to a bank is named by its enforcement case and its number within the case ("rq" + the case's 24 hex digits + "-" + 5
/// digits): it is the Service Bus message id (the bank's idempotency key), and a reply finds its case from it without an index.
/// </summary>
public static class BankRequestIds
{
    public static string For(string caseId, int number) => $"rq{caseId[2..]}-{number:D5}";

    public static string? CaseOf(string? requestId) =>
        requestId is { Length: 32 } && requestId.StartsWith("rq", StringComparison.Ordinal) && requestId[26] == '-'
            && requestId[27..].All(char.IsAsciiDigit) && CaseId.IsValid("cs" + requestId[2..26])
            ? "cs" + requestId[2..26]
            : null;
}
