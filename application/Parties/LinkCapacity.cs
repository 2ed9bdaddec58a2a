using System.Text.Json.Serialization;

namespace ECourt.Application.Parties;

/// <summary>Whom an account holder links as: the party itself, or its representative (who waits for a clerk to accept the power of
/// attorney).</summary>
public enum LinkCapacity
{
    [JsonStringEnumMemberName("party")]
    Party,
    [JsonStringEnumMemberName("representative")]
    Representative,
}
