using ECourt.Application.Requests;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace ECourt.Functions.Http;

/// <summary>
/// Every hour, deletes the idempotency keys whose answers are no longer kept (<see cref="PurgeLapsedIdempotencyKeys"/>).
/// The local host runs the same with its lifecycle sweep.
/// </summary>
public sealed class IdempotencyPurgeFunction(PurgeLapsedIdempotencyKeys purge, ILogger<IdempotencyPurgeFunction> log)
{
    [Function("PurgeIdempotencyKeys")]
    public Task Run([TimerTrigger("0 17 * * * *")] TimerInfo timer, FunctionContext context) => RunAsync(context.CancellationToken);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var deleted = await purge.RunAsync(ct);
        if (deleted > 0) log.LogInformation("Deleted {Deleted} idempotency keys past their time", deleted);
        return deleted;
    }
}
