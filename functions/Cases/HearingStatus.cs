using System.Text.Json.Serialization;

namespace ECourt.Functions.Cases;

/// <summary>A hearing's status as the case view lists it (<see cref="HearingView"/>); the hearings stage fills the list.</summary>
public enum HearingStatus
{
    [JsonStringEnumMemberName("scheduled")]
    Scheduled,
    [JsonStringEnumMemberName("held")]
    Held,
    [JsonStringEnumMemberName("adjourned")]
    Adjourned,
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,
}
