namespace ECourt.Application.Requests;

/// <summary>
/// Deletes the idempotency keys whose answers are no longer kept (<see cref="IdempotentRequests.Kept"/>) and the claims of
/// runs that died, so that the key table does not grow with every request ever retried. A key past its time already acts
/// as new (<see cref="IdempotentRequests.StartAsync"/>): deleting it changes no answer a client can get. Court time, as
/// the keys' times are.
/// </summary>
public sealed class PurgeLapsedIdempotencyKeys(IIdempotentAnswers answers, TimeProvider clock)
{
    /// <summary>Rows deleted a run: an hour's keys of a busy court; what is left goes at the next run.</summary>
    public const int MaxPerRun = 20_000;

    public Task<int> RunAsync(CancellationToken ct) => answers.DeleteLapsedAsync(clock.GetUtcNow(), MaxPerRun, ct);
}
