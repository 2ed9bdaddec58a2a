namespace ECourt.Application.Cases;

/// <summary>
/// The one policy for writes that lose a race on an ETag: decide again on what is stored now, at once for the first
/// tries and then after a short random pause that grows with the tries, so that a burst of writers to one case (50
/// credits to one account at once) all get through; after <see cref="MaxAttempts"/> the caller is told to try later.
/// Every loop that re-reads and retries runs through <see cref="RunAsync{T}"/>.
/// </summary>
public static class ConflictRetry
{
    public const int MaxAttempts = 100;

    /// <summary>A try's answer: done with a value, or lost the race.</summary>
    public readonly record struct Attempt<T>(bool Done, T Value)
    {
        public static Attempt<T> Success(T value) => new(true, value);

        public static Attempt<T> Lost { get; } = new(false, default!);
    }

    /// <param name="attempt">one try, given its number (1, 2, …)</param>
    /// <exception cref="ConcurrentChangeException">still losing after <see cref="MaxAttempts"/> tries</exception>
    public static async Task<T> RunAsync<T>(string what, Func<int, Task<Attempt<T>>> attempt, CancellationToken ct)
    {
        for (var n = 1; ; n++)
        {
            var result = await attempt(n);
            if (result.Done) return result.Value;
            if (n >= MaxAttempts) throw new ConcurrentChangeException(what);
            if (n > 2) await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, Math.Min(50, 3 * n))), ct);
        }
    }
}

/// <summary>Someone else kept changing the record while this write tried to commit: the whole operation may be retried later.</summary>
public sealed class ConcurrentChangeException(string what)
    : Exception($"{what} changed concurrently {ConflictRetry.MaxAttempts} times in a row.");

public sealed class CaseNotFoundException(string caseId) : Exception($"No case {caseId}.")
{
    public string CaseId { get; } = caseId;
}

/// <summary>The case changed since the version the caller named in If-Match.</summary>
public sealed class StaleCaseException(string caseId) : Exception($"Case {caseId} changed since the version named.");
