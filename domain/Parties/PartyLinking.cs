using System.Security.Cryptography;
using System.Text;
using ECourt.Domain.Access;

namespace ECourt.Domain.Parties;

/// <summary>
/// A party's link code: how the holder of a platform account links it to the party (SPC Online Litigation Rules arts. 7
/// and 10). Per party, random to whoever lacks the court's key (an HMAC of the case, the party and the code's generation),
/// single-use, expiring, and refused after <see cref="MaxFailedAttempts"/> wrong tries until a clerk issues the next
/// generation. A code alone never links: it goes with the complaint copy to an address the plaintiff may have typed,
/// so the holder's verified identity must also be the party's.
/// </summary>
public sealed record PartyLinkCode(int PartyNumber, int Generation, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, int FailedAttempts,
    DateTimeOffset? UsedAt, string? UsedBy)
{
    public const int MaxFailedAttempts = 5;

    /// <summary>How long a code links: the defendant's time to answer (15 days) twice over, for post that comes late.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(30);

    /// <summary>The code's characters: digits and capitals without 0/O, 1/I/L, so it can be read over the phone.</summary>
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public const int Length = 10;

    public static PartyLinkCode Issue(int partyNumber, int generation, DateTimeOffset at) =>
        new(partyNumber, generation, at, at + Validity, 0, null, null);

    /// <summary>The code of this generation, as only the court (holding the key) can compute it.</summary>
    public string Code(byte[] key, string caseId) => Compute(key, caseId, PartyNumber, Generation);

    public static string Compute(byte[] key, string caseId, int partyNumber, int generation)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"party-link|{caseId}|{partyNumber}|{generation}"));
        var code = new StringBuilder(Length);
        for (var i = 0; i < Length; i++) code.Append(Alphabet[mac[i] % Alphabet.Length]);
        return code.ToString();
    }

    /// <summary>Why the code does not link now (null: it may), without saying which of them to a caller.</summary>
    public string? Refusal(DateTimeOffset now) =>
        UsedAt is not null ? "The link code was used."
        : now >= ExpiresAt ? "The link code has expired."
        : FailedAttempts >= MaxFailedAttempts ? "The link code was tried wrongly too often; the court issues a new one."
        : null;

    public bool Matches(byte[] key, string caseId, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(key, caseId)),
            Encoding.ASCII.GetBytes((presented ?? "").Trim().ToUpperInvariant()));
}

/// <summary>
/// An identity check a clerk recorded for an account claiming to be a party (method, time, result): the other way a
/// holder's identity is verified where the identity provider issues no real-name claim (Online Litigation Rules art. 7).
/// </summary>
public sealed record IdentityCheck(int PartyNumber, string UserId, string Method, bool Passed, DateTimeOffset CheckedAt, string CheckedBy);

/// <summary>Whose identity a signed-in holder has proved, and whether it is a party's.</summary>
public static class PartyIdentity
{
    /// <summary>
    /// True when the caller's verified identity is the party's: the identity provider's real-name claim gives the person's
    /// resident id number, or the unified social credit code of the organisation the account acts for; or a clerk's check
    /// of this account for this party passed.
    /// </summary>
    public static bool IsVerifiedAs(CourtUser caller, Party party, IEnumerable<IdentityCheck> checks) =>
        (party.Kind == PartyKind.Person && party.IdNumber is { } id && caller.VerifiedIdNumber is { } verified
            && string.Equals(id, verified.Trim().ToUpperInvariant(), StringComparison.Ordinal))
        || (party.Kind == PartyKind.Organisation && party.CreditCode is { } code && caller.VerifiedCreditCode is { } acts
            && string.Equals(code, acts.Trim().ToUpperInvariant(), StringComparison.Ordinal))
        || checks.Any(c => c.PartyNumber == party.PartyNumber && c.UserId == caller.Id && c.Passed);

    /// <summary>True when the caller carries a verified identity that is not the party's: it may not link itself as the party.</summary>
    public static bool ContradictedBy(CourtUser caller, Party party) =>
        party.Kind == PartyKind.Person
            ? caller.VerifiedIdNumber is { } id && party.IdNumber is { } own && !string.Equals(id.Trim().ToUpperInvariant(), own,
                StringComparison.Ordinal)
            : caller.VerifiedCreditCode is { } code && party.CreditCode is { } cc && !string.Equals(code.Trim().ToUpperInvariant(), cc,
                StringComparison.Ordinal);
}
