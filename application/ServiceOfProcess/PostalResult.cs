using System.Text.Json.Serialization;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>What a clerk records of service by post: the court mailed it, the signed receipt came back, or it was returned
/// undelivered.</summary>
public enum PostalResult
{
    [JsonStringEnumMemberName("mailed")]
    Mailed,
    [JsonStringEnumMemberName("received")]
    Received,
    [JsonStringEnumMemberName("returned")]
    Returned,
}
