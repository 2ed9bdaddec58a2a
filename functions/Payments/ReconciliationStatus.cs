using System.Text.Json.Serialization;

namespace ECourt.Functions.Payments;

/// <summary>A bank day reconciled: balanced, or mismatch (a line or the totals differ).</summary>
public enum ReconciliationStatus
{
    [JsonStringEnumMemberName("balanced")]
    Balanced,
    [JsonStringEnumMemberName("mismatch")]
    Mismatch,
}
