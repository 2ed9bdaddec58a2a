using System.Text.Json.Serialization;

namespace ECourt.Functions.Fees;

/// <summary>The kinds of entry of a case account (<see cref="FeeLedgerFunctions.LedgerEntryView"/>): a bank credit, or a payout of
/// enforcement funds; refunds come later.</summary>
public enum LedgerEntryKind
{
    [JsonStringEnumMemberName(Domain.Payments.LedgerEntry.Credit)]
    Credit,
    [JsonStringEnumMemberName(Domain.Payments.LedgerEntry.Payout)]
    Payout,
}
