using System.Text.Json.Serialization;

namespace ECourt.Domain.Parties;

public enum PartyRole
{
    [JsonStringEnumMemberName("plaintiff")]
    Plaintiff,
    [JsonStringEnumMemberName("defendant")]
    Defendant,
    [JsonStringEnumMemberName("third-party")]
    ThirdParty,
}

public enum PartyKind
{
    [JsonStringEnumMemberName("person")]
    Person,
    [JsonStringEnumMemberName("organisation")]
    Organisation,
}
