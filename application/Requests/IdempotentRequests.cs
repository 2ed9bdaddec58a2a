using System.Security.Cryptography;
using System.Text;

namespace ECourt.Application.Requests;

/// <summary>
/// A write sent with an Idempotency-Key runs once: the first request claims the key (an insert only one can win), runs,
/// and keeps its answer for <see cref="Kept"/>; a repeat with the same request is answered what the first was, and changes
/// nothing. A repeat while the first runs is told so; the key with another request is refused. A server failure is not
/// kept (the claim is dropped, so the retry runs again), and a claim whose run died is taken over once its
/// <see cref="Lease"/> has passed, so a client is never held off for good. Times are court time.
/// </summary>
public sealed class IdempotentRequests(IIdempotentAnswers answers, TimeProvider clock)
{
    /// <summary>How long an answer is kept for repeats: at least a day (the API's promise).</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a run holds its key before another may take it over: well past the 230 s a request may take in Azure before
    /// its connection is closed, so only a run that died loses its claim.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>What the key said to a request that came with it.</summary>
    public abstract record Start;

    /// <summary>The request holds the key: run it, then keep or drop its answer.</summary>
    public sealed record Claimed(string Key, string Fingerprint, string ETag) : Start;

    /// <summary>The key's first request was answered: this answer again.</summary>
    public sealed record Replay(RecordedAnswer Answer) : Start;

    /// <summary>The key's first request is still running.</summary>
    public sealed record Running : Start;

    /// <summary>The key was first used with another request.</summary>
    public sealed record Reused : Start;

    /// <summary>The stored key: a key belongs to its caller, the method and the route (the path as sent), and is kept hashed.</summary>
    public static string KeyOf(string callerId, string method, string path, string key) => Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', callerId, method.ToUpperInvariant(), path, key))));

    /// <param name="fingerprint">what makes the request the same request: a hash of its body and of the headers that carry its data</param>
    public async Task<Start> StartAsync(string key, string fingerprint, CancellationToken ct)
    {
        // A row can vanish or lapse between the reads below (a failed run drops its claim); a few rounds settle it.
        for (var round = 0; round < 3; round++)
        {
            var now = clock.GetUtcNow();
            var claim = new IdempotentEntry(fingerprint, now + Lease, null);
            if (await answers.TryAddAsync(key, claim, ct) is { } added) return new Claimed(key, fingerprint, added);
            if (await answers.GetAsync(key, ct) is not { } held) continue;
            if (held.Entry.Until <= now)
            {
                // A run that died, or an answer kept its time: the key is free again.
                if (await answers.TryReplaceAsync(key, claim, held.ETag, ct) is { } taken) return new Claimed(key, fingerprint, taken);
                continue;
            }
            if (held.Entry.Fingerprint != fingerprint) return new Reused();
            return held.Entry.Answer is { } answer ? new Replay(answer) : new Running();
        }
        return new Running();
    }

    /// <summary>
    /// Keeps the claimed run's answer for repeats. False when the claim was taken over meanwhile (the run outlived its lease):
    /// the answer is then not kept, and the run that took the key keeps its own. Not cancelled with the request: the work
    /// is done whether or not its caller still listens.
    /// </summary>
    public async Task<bool> KeepAsync(Claimed claim, RecordedAnswer answer) =>
        await answers.TryReplaceAsync(claim.Key, new IdempotentEntry(claim.Fingerprint, clock.GetUtcNow() + Kept, answer), claim.ETag,
            CancellationToken.None) is not null;

    /// <summary>Drops the claim of a run that failed on the server's side: the retry runs again.</summary>
    public Task ReleaseAsync(Claimed claim) => answers.DeleteAsync(claim.Key, claim.ETag, CancellationToken.None);
}
