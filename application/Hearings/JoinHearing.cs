using System.Security.Cryptography;
using System.Text;
using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Hearings;

namespace ECourt.Application.Hearings;

/// <summary>Settings of the hearings stage (section ECourt:Hearings).</summary>
public sealed class HearingOptions
{
    /// <summary>The video platform online hearings are held on; outside ECourt. Its /join takes a participant's token.</summary>
    public string VideoBaseAddress { get; set; } = "https://video.court.example";
}

/// <summary>
/// A summoned party or its lawyer asks for its personal link to an online hearing: its identity verified again for this hearing
/// (Online Litigation Rules art. 7) is recorded on the case, then the link is made with a token signed by the court's join key (the
/// link key's own derivation: one secret to keep, a token of one kind never passing for the other).
/// </summary>
public sealed class JoinHearing(CaseChanges changes, ServiceOptions service, HearingOptions options, TimeProvider clock)
{
    public sealed record Link(string HearingId, string Url, DateTimeOffset ExpiresAt);

    public async Task<Link> RunAsync(CaseGrant grant, string hearingId, CancellationToken ct)
    {
        var verification = grant.Caller.Verification;
        HearingRequestReading.Hearing(grant, hearingId);
        var now = clock.GetUtcNow();
        var (_, expires) = HearingJoin.Check(grant.Case, hearingId, grant.Parties, verification, now);
        var actor = CaseAccess.PartyActor(grant.Caller);
        await changes.ApplyAsync(grant.CaseId, c =>
        {
            HearingJoin.Check(c, hearingId, grant.Parties, verification, now);
            return CaseChange.Of(HearingJoin.Record(c, actor, hearingId, verification!, now));
        }, ct, grant.Stored);
        var token = HearingJoinToken.Issue(JoinKey(service.LinkKeyBytes()), hearingId, grant.CaseId, grant.Caller.Id, expires);
        return new Link(hearingId, $"{options.VideoBaseAddress.TrimEnd('/')}/join?token={token}", expires);
    }

    /// <summary>The join key: HMAC-SHA256 of a fixed label with the court's link key.</summary>
    public static byte[] JoinKey(byte[] linkKey) => HMACSHA256.HashData(linkKey, Encoding.ASCII.GetBytes("ecourt/hearing-join/v1"));
}
