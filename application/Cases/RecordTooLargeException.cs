using ECourt.Domain;

namespace ECourt.Application.Cases;

/// <summary>
/// A store refused a change because a record it writes would be larger than a stored record may be (a table row holds
/// 1 MiB, a transaction 4 MiB); nothing was written. Every bound of a request keeps a case within its row
/// (<see cref="BoundAttribute"/>, LargestCaseTests), so this is a case that holds a great deal already: the change is
/// refused by the rule <c>record-too-large</c> (422), the same request would pass on a smaller case. It is not a 413: the
/// request itself is within its bounds and the body's limit.
/// </summary>
public class RecordTooLargeException(string record, long bytes, long limit)
    : DomainRuleException(RuleName, $"This change would make the stored record {record} {bytes:N0} bytes, more than the {limit:N0} it may "
        + "hold; nothing was changed. Shorten the texts or lists it adds, or file the rest as a document.")
{
    public const string RuleName = "record-too-large";

    /// <summary>The record refused: its partition and row, or the change of a case.</summary>
    public string Record { get; } = record;

    public long Bytes { get; } = bytes;
}
