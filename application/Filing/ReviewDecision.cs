using System.Text.Json.Serialization;

namespace ECourt.Application.Filing;

/// <summary>A clerk's decision on a filing under review (CPL art. 126): register it, refuse it with reasons, or ask for
/// corrections.</summary>
public enum ReviewDecision
{
    [JsonStringEnumMemberName("accept")]
    Accept,
    [JsonStringEnumMemberName("reject")]
    Reject,
    [JsonStringEnumMemberName("correct")]
    Correct,
}
