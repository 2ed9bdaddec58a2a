using System.Text.Json.Serialization;

namespace ECourt.Domain.Judgments;

public enum CostInstructionKind
{
    /// <summary>The court refunds what was prepaid beyond the fee finally due (Measures art. 53: within 15 days of effect).</summary>
    [JsonStringEnumMemberName("refund")]
    Refund,
    /// <summary>A party pays the share it bears: to the party who prepaid it, or to the court where nobody did.</summary>
    [JsonStringEnumMemberName("payment")]
    Payment,
}

/// <summary>
/// What the costs order means for the case's money once the judgment takes effect: who pays or is refunded how much, to whom (a
/// party's number; none: the court), by which day where the law sets one.
/// </summary>
public sealed record CostInstruction(CostInstructionKind Kind, int? FromParty, int? ToParty, decimal Amount, DateOnly? DueOn,
    string Basis);
