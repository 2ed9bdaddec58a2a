using System.Text.Json.Serialization;

namespace ECourt.Functions.Fees;

/// <summary>The kinds of entry of a case account (<see cref="FeeLedgerFunctions.LedgerEntryView"/>): a bank credit today; refunds and
/// transfers come with enforcement.</summary>
public enum LedgerEntryKind
{
    [JsonStringEnumMemberName("credit")]
    Credit,
}
