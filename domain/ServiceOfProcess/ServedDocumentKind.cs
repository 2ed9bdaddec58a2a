using System.Text.Json.Serialization;

namespace ECourt.Domain.ServiceOfProcess;

/// <summary>The court documents that are served on a party, each with its own notice texts.</summary>
public enum ServedDocumentKind
{
    /// <summary>缴费通知书: the fee notice, served on the plaintiff at registration.</summary>
    [JsonStringEnumMemberName("fee-notice")]
    FeeNotice,
    /// <summary>起诉状副本: the complaint copy, dispatched to the defendant within 5 days of registration (CPL art. 128).</summary>
    [JsonStringEnumMemberName("complaint-copy")]
    ComplaintCopy,
    /// <summary>传票: a summons to a hearing.</summary>
    [JsonStringEnumMemberName("summons")]
    Summons,
    /// <summary>判决书 / 裁定书: a judgment or ruling.</summary>
    [JsonStringEnumMemberName("judgment")]
    Judgment,
}
