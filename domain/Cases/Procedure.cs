using System.Text.Json.Serialization;

namespace ECourt.Domain.Cases;

/// <summary>The procedure a first-instance civil case is heard in (CPL arts. 160, 165); ordinary unless the filing says otherwise.</summary>
public enum Procedure
{
    [JsonStringEnumMemberName("ordinary")]
    Ordinary,
    [JsonStringEnumMemberName("simplified")]
    Simplified,
    [JsonStringEnumMemberName("small-claims")]
    SmallClaims,
}
