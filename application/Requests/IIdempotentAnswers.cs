namespace ECourt.Application.Requests;

/// <summary>An answer as it was sent: its status, its headers and its body's bytes.</summary>
public sealed record RecordedAnswer(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body);

/// <summary>
/// What an idempotency key holds: the fingerprint of the request it was first used with, until when the row counts (a
/// running claim's lease, or how long a kept answer is kept), and the answer once there is one (none: still running).
/// </summary>
public sealed record IdempotentEntry(string Fingerprint, DateTimeOffset Until, RecordedAnswer? Answer);

/// <summary>A key's row as read, with the version a change of it must name.</summary>
public sealed record StoredIdempotentEntry(IdempotentEntry Entry, string ETag);

/// <summary>
/// The answers kept for idempotency keys, one row per key (the key is already scoped to its caller, method and route).
/// Every change names the version it replaces, so two runs of one key can never both keep an answer.
/// </summary>
public interface IIdempotentAnswers
{
    /// <summary>Adds the key's row if it has none: the new row's version, or null when the key has a row already.</summary>
    Task<string?> TryAddAsync(string key, IdempotentEntry entry, CancellationToken ct = default);

    Task<StoredIdempotentEntry?> GetAsync(string key, CancellationToken ct = default);

    /// <summary>Replaces the key's row if it is still the version named: the new version, or null when it changed or is gone.</summary>
    Task<string?> TryReplaceAsync(string key, IdempotentEntry entry, string etag, CancellationToken ct = default);

    /// <summary>Deletes the key's row if it is still the version named (else leaves it).</summary>
    Task DeleteAsync(string key, string etag, CancellationToken ct = default);

    /// <summary>
    /// Deletes up to <paramref name="max"/> rows (and their bodies) whose time ended before <paramref name="before"/>, each
    /// only if it was not claimed again meanwhile: the number deleted.
    /// </summary>
    Task<int> DeleteLapsedAsync(DateTimeOffset before, int max, CancellationToken ct = default);
}
