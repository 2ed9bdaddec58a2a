using ECourt.Application.Cases;
using ECourt.Domain.Parties;

namespace ECourt.Application.Parties;

/// <summary>
/// A case's rows about its parties' accounts: each party's link code ("link-{party}"), the tries each account made at it
/// ("ltry-{party}-{account}"), and each identity check a clerk recorded ("idc-{party}-{account}").
/// </summary>
public static class PartyRows
{
    public static readonly CaseRowKind<PartyLinkCode> LinkCodes = new("link-");

    public static readonly CaseRowKind<LinkTries> LinkTries = new("ltry-");

    public static readonly CaseRowKind<IdentityCheck> IdentityChecks = new("idc-");

    public static string LinkCodeId(int partyNumber) => partyNumber.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

    public static string IdentityCheckId(int partyNumber, string userId) =>
        $"{LinkCodeId(partyNumber)}-{AccountHash(userId)}";

    public static string LinkTriesId(int partyNumber, string userId) => IdentityCheckId(partyNumber, userId);

    // The account id is hashed so the row key holds no caller-chosen characters and no personal identifier.
    private static string AccountHash(string userId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userId)))[..24];

    /// <summary>The link codes a registration issues: one for each party no account acts for yet.</summary>
    public static CaseChange WithLinkCodes(CaseChange change, Domain.Cases.CourtCase registered, DateTimeOffset at) =>
        registered.Parties.Where(p => p.PlatformAccount is null)
            .Aggregate(change, (c, p) => c.Inserting(CaseRow.Of(LinkCodes, LinkCodeId(p.PartyNumber), PartyLinkCode.Issue(p.PartyNumber,
                1, at))));
}

/// <summary>
/// The key link codes are computed with (the court's link key, which also signs the links in notices), read when first
/// used: a host that never computes a code needs no key.
/// </summary>
public sealed class PartyLinkKey(Func<byte[]> read)
{
    private readonly Lazy<byte[]> _key = new(read);

    public byte[] Key => _key.Value;
}
