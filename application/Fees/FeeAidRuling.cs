using System.Text.Json.Serialization;

namespace ECourt.Application.Fees;

/// <summary>A judge's ruling on an application to defer, reduce or waive the fee.</summary>
public enum FeeAidRuling
{
    [JsonStringEnumMemberName("grant")]
    Grant,
    [JsonStringEnumMemberName("refuse")]
    Refuse,
}
