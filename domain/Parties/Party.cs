namespace ECourt.Domain.Parties;

/// <summary>A party to a case with its identity document, representatives and service details.</summary>
public sealed record Party(
    int PartyNumber,
    PartyRole Role,
    PartyKind Kind,
    string Name,
    IdentityDocumentType? IdType,
    string? IdNumber,
    string? CreditCode,
    string? Phone,
    string? Email,
    string? Address,
    string? UserId,
    bool Minor,
    ElectronicServiceConsent? ElectronicServiceConsent,
    IReadOnlyList<ServiceAddress> ServiceAddresses,
    IReadOnlyList<Representative> Representatives)
{
    /// <summary>True when the user is this party or acts for it.</summary>
    public bool IsActedForBy(string userId) =>
        (UserId is not null && string.Equals(UserId, userId, StringComparison.Ordinal))
        || Representatives.Any(r => r.MayActFor(userId));

    /// <summary>
    /// The platform account documents are served into: the party's own, else that of the first representative who
    /// has one (service on the agent ad litem, CPL art. 88).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? PlatformAccount => UserId ?? Representatives.Where(r => r.PendingSince is null).Select(r =>
        r.UserId).FirstOrDefault(u => u is not null);

    /// <summary>The party consented to electronic service itself (or through its own representative), not another party for it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool ConsentedItself => ElectronicServiceConsent is { } consent && IsActedForBy(consent.RecordedBy);
}
