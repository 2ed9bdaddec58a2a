using System.Security.Cryptography;
using System.Text;
using ECourt.Domain.Access;

namespace ECourt.Domain.Parties;

/// <summary>
/// A party's link code: how the holder of a platform account links it to the party (SPC Online Litigation Rules arts. 7
/// and 10). Per party, random to whoever lacks the court's key (an HMAC of the case, the party and the code's generation),
/// single-use, expiring, and limited in tries per account (<see cref="LinkTries"/>) until a clerk issues the next
/// generation. A code alone never links: it goes with the complaint copy to an address the plaintiff may have typed,
/// so the holder's verified identity must also be the party's.
/// </summary>
public sealed record PartyLinkCode(int PartyNumber, int Generation, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? UsedAt, string? UsedBy)
{
    /// <summary>How long a code links: the defendant's time to answer (15 days) twice over, for post that comes late.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(30);

    /// <summary>The code's characters: digits and capitals without 0/O, 1/I/L, so it can be read over the phone.</summary>
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public const int Length = 10;

    public static PartyLinkCode Issue(int partyNumber, int generation, DateTimeOffset at) =>
        new(partyNumber, generation, at, at + Validity, null, null);

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
        : null;

    public bool Matches(byte[] key, string caseId, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(key, caseId)),
            Encoding.ASCII.GetBytes((presented ?? "").Trim().ToUpperInvariant()));
}

/// <summary>
/// The tries one account made at one party's link code, counted per account (a row per account and party), so that one
/// caller's wrong codes lock the code for that caller only: the plaintiff, who knows the defendant's party number, cannot
/// lock the defendant out. Every try is counted before its code is compared, so tries made at once cannot outrun the
/// count; <see cref="Max"/> tries per generation, and the clerk's next code counts anew.
/// </summary>
public sealed record LinkTries(int PartyNumber, int Generation, int Count)
{
    public const int Max = 5;

    public static LinkTries First(int partyNumber, int generation) => new(partyNumber, generation, 1);

    /// <summary>The next try, at the code of <paramref name="generation"/>.</summary>
    public LinkTries Next(int generation) => generation == Generation ? this with { Count = Count + 1 } : First(PartyNumber, generation);

    /// <summary>This try is one more than an account has: its code is not compared.</summary>
    public bool Exceeded => Count > Max;
}

/// <summary>
/// An identity check a clerk recorded for an account claiming to be a party (method, time, result): the other way a
/// holder's identity is verified where the identity provider issues no real-name claim (Online Litigation Rules art. 7).
/// </summary>
public sealed record IdentityCheck(int PartyNumber, string UserId, string Method, bool Passed, DateTimeOffset CheckedAt, string CheckedBy);

/// <summary>
/// Whose identity a signed-in holder has proved, and whether it is a party's. Real-name verification proves a number and
/// the name that goes with it; the number alone proves nothing about the party, since the plaintiff typed it (an accomplice's
/// id number given for defendant 张三 would otherwise make the accomplice 张三). So a claim verifies only with both the number
/// and the verified name equal to the party's; where the provider verifies no name, only a clerk's check does.
/// </summary>
public static class PartyIdentity
{
    /// <summary>
    /// True when the caller's verified identity is the party's: the identity provider's real-name claims give the person's
    /// resident id number and name, or the unified social credit code and name of the organisation the account acts for; or
    /// a clerk's check of this account for this party passed.
    /// </summary>
    public static bool IsVerifiedAs(CourtUser caller, Party party, IEnumerable<IdentityCheck> checks) =>
        (party.Kind == PartyKind.Person
            ? SameNumber(caller.VerifiedIdNumber, party.IdNumber) && SameName(caller.VerifiedName, party.Name)
            : SameNumber(caller.VerifiedCreditCode, party.CreditCode) && SameName(caller.VerifiedOrganisationName, party.Name))
        || checks.Any(c => c.PartyNumber == party.PartyNumber && c.UserId == caller.Id && c.Passed);

    /// <summary>True when the caller carries a verified identity that is not the party's: it may not link itself as the party.</summary>
    public static bool ContradictedBy(CourtUser caller, Party party) =>
        party.Kind == PartyKind.Person
            ? Differs(caller.VerifiedIdNumber, party.IdNumber, SameNumber) || Differs(caller.VerifiedName, party.Name, SameName)
            : Differs(caller.VerifiedCreditCode, party.CreditCode, SameNumber)
                || Differs(caller.VerifiedOrganisationName, party.Name, SameName);

    private static bool Differs(string? verified, string? own, Func<string?, string?, bool> same) =>
        verified is not null && own is not null && !same(verified, own);

    /// <summary>An id number or credit code as written on a phone: any case, spaces around.</summary>
    private static bool SameNumber(string? verified, string? own) =>
        verified is not null && own is not null
        && string.Equals(verified.Trim().ToUpperInvariant(), own.Trim().ToUpperInvariant(), StringComparison.Ordinal);

    /// <summary>A name as a register and a complaint write it: full- or half-width, spaces around or doubled, Latin letters in any
    /// case.</summary>
    private static bool SameName(string? verified, string? own) =>
        verified is not null && own is not null && string.Equals(Normal(verified), Normal(own), StringComparison.OrdinalIgnoreCase);

    private static string Normal(string name) =>
        string.Join(' ', name.Normalize(NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
