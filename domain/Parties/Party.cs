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
    public string? PlatformAccount => UserId ?? Representatives.Select(r => r.UserId).FirstOrDefault(u => u is not null);

    /// <summary>The party consented to electronic service itself (or through its own representative), not another party for it.</summary>
    public bool ConsentedItself => ElectronicServiceConsent is { } consent && IsActedForBy(consent.RecordedBy);
}

/// <summary>
/// Who may file (CPL art. 122; Lawyers Law art. 39): the filer is a plaintiff or acts for one, and acts for one side
/// only, so that nothing the filer says about the other side counts as that side's own statement (its consent to
/// electronic service, its confirmed addresses).
/// </summary>
public static class Filer
{
    public static void Check(IReadOnlyList<Party> parties, string filerId)
    {
        if (!parties.Any(p => p.Role == PartyRole.Plaintiff && p.IsActedForBy(filerId)))
            throw new DomainRuleException("filer-not-a-party", "The filer must be a plaintiff or act for one (CPL art. 122).", "parties");
        if (parties.Any(p => p.Role == PartyRole.Defendant && p.IsActedForBy(filerId)))
            throw new DomainRuleException("filer-acts-for-both-sides",
                "The filer is, or acts for, a plaintiff and cannot also be or act for a defendant: a representative acts for one side only (Lawyers Law art. 39).",
                "parties");
    }
}
