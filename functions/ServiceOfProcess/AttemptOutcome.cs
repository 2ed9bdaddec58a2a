using System.Text.Json.Serialization;

namespace ECourt.Functions.ServiceOfProcess;

/// <summary>What became of one attempt to serve (<see cref="ServiceFunctions.AttemptView"/>): under way, sent, the evidence that came back,
/// or the period that ran out.</summary>
public enum AttemptOutcome
{
    [JsonStringEnumMemberName("sending")]
    Sending,
    [JsonStringEnumMemberName("sent")]
    Sent,
    [JsonStringEnumMemberName("delivered")]
    Delivered,
    [JsonStringEnumMemberName("read")]
    Read,
    [JsonStringEnumMemberName("failed")]
    Failed,
    [JsonStringEnumMemberName("received")]
    Received,
    [JsonStringEnumMemberName("returned")]
    Returned,
    [JsonStringEnumMemberName("elapsed")]
    Elapsed,
    [JsonStringEnumMemberName("timed-out")]
    TimedOut,
}
