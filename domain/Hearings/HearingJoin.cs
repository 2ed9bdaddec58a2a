using ECourt.Domain.Access;
using System.Security.Cryptography;
using System.Text;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Hearings;

/// <summary>A participant's identity verified again for an online hearing, as recorded.</summary>
public sealed record HearingVerification(string UserId, string Method, DateTimeOffset VerifiedAt);

/// <summary>
/// Joining an online hearing (Online Litigation Rules arts. 7, 25): a summoned party or its lawyer gets a personal link on the
/// hearing's day (China time) once its identity is verified again for this hearing: a verification that passed within
/// <see cref="IdentityVerification.MaxAge"/> before the request, recorded on the case (method, time, result). The link's token names the
/// hearing, the case, the user and its expiry (the end of the hearing's day), signed with HMAC-SHA256; the video platform checks it.
/// </summary>
public static class HearingJoin
{
    /// <summary>The hearing the caller may join, and when its link expires.</summary>
    public static (Hearing Hearing, DateTimeOffset ExpiresAt) Check(CourtCase c, string hearingId, IReadOnlySet<int> callerParties,
        IdentityVerification? verification, DateTimeOffset now)
    {
        var (_, hearing) = HearingRules.Open(c, hearingId);
        if (!hearing.Online)
            throw new DomainRuleException("hearing-not-online", $"Hearing {hearingId} is held in {hearing.Courtroom}, not online.");
        if (hearing.Summons is not { } summons || !callerParties.Any(summons.Recipients.Contains))
            throw new DomainRuleException("hearing-not-summoned", "Only a summoned party or its lawyer joins the hearing.");
        var day = ChinaTime.DateOf(hearing.StartsAt);
        if (ChinaTime.DateOf(now) != day)
            throw new DomainRuleException("hearing-join-not-open",
                $"The link to hearing {hearingId} is given on its day, {day:yyyy-MM-dd} (China time).");
        if (verification?.IsFreshAt(now) != true)
            throw new DomainRuleException("online-hearing-identity-not-verified",
                "Identity is verified again for each online hearing (Online Litigation Rules art. 7): verify it in the app "
                + $"(within {IdentityVerification.MaxAge.TotalMinutes:0} minutes before joining), then ask for the link again.");
        return (hearing, ChinaTime.EndOfDay(day));
    }

    /// <summary>The verification recorded as an event once (a second request with the same verification records nothing).</summary>
    public static (CourtCase Case, CaseEvent Event)? Record(CourtCase c, Actor actor, string hearingId, IdentityVerification v,
        DateTimeOffset now)
    {
        var (summary, hearing) = HearingRules.Open(c, hearingId);
        if (hearing.Verifications.Any(x => x.UserId == actor.UserId && x.VerifiedAt == v.VerifiedAt)) return null;
        var verified = hearing with
        {
            Verifications = [.. hearing.Verifications, new HearingVerification(actor.UserId, v.Method, v.VerifiedAt)],
        };
        return c.Record(HearingActions.VerifyIdentityForHearing, actor, now,
            $"Identity of {actor.UserId} verified again for online hearing {hearingId}: {v.Describe()} (Online Litigation Rules art. 7)",
            x => x.WithHearings(summary.Replacing(verified)));
    }
}

/// <summary>
/// The token in a participant's personal link: base64url of "hearingId|caseId|userId|expiry (Unix seconds)", a dot, and base64url
/// of its HMAC-SHA256 with the court's join key. It is shown in the app only, never sent by SMS.
/// </summary>
public static class HearingJoinToken
{
    public static string Issue(byte[] key, string hearingId, string caseId, string userId, DateTimeOffset expiresAt)
    {
        var payload = Base64Url(Encoding.UTF8.GetBytes($"{hearingId}|{caseId}|{userId}|{expiresAt.ToUnixTimeSeconds()}"));
        return payload + "." + Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payload)));
    }

    /// <summary>What a video platform checks: the signature, then the expiry; null when either fails.</summary>
    public static (string HearingId, string CaseId, string UserId, DateTimeOffset ExpiresAt)? Verify(byte[] key, string token,
        DateTimeOffset now)
    {
        var parts = token.Split('.');
        if (parts.Length != 2) return null;
        byte[] mac, payload;
        try
        {
            mac = FromBase64Url(parts[1]);
            payload = FromBase64Url(parts[0]);
        }
        catch (FormatException)
        {
            return null;
        }
        if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(parts[0])))) return null;
        var fields = Encoding.UTF8.GetString(payload).Split('|');
        if (fields.Length != 4 || !long.TryParse(fields[3], out var seconds)) return null;
        var expires = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return now >= expires ? null : (fields[0], fields[1], fields[2], expires);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s + new string('=', (4 - (s.Length % 4)) % 4));
    }
}
