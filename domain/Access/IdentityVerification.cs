namespace ECourt.Domain.Access;

/// <summary>
/// An identity verification the identity provider reports in the caller's validated sign-in (a face or identity platform outside
/// ECourt): how, when, and whether it passed. Identity is verified again before each online evidence exchange, mediation and hearing
/// (Online Litigation Rules art. 7): a verification counts for an act when it passed within <see cref="MaxAge"/> before it.
/// </summary>
public sealed record IdentityVerification(string Method, DateTimeOffset VerifiedAt, bool Passed)
{
    /// <summary>Older than this, a verification is not the one for this activity: the participant verifies again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(30);

    public bool IsFreshAt(DateTimeOffset now) => Passed && VerifiedAt <= now && now - VerifiedAt <= MaxAge;

    /// <summary>How an event records it (method, time, result).</summary>
    public string Describe() => $"method {Method}, at {Calendar.ChinaTime.ToChinaTime(VerifiedAt):yyyy-MM-dd HH:mm:ss}, "
        + (Passed ? "passed" : "failed");
}
