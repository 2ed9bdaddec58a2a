using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ECourt.Functions.Http;

/// <summary>Settings of the public routes' rate limit (section ECourt:RateLimit).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests a minute one client address may make to the public routes.</summary>
    public int AnonymousPerMinute { get; set; } = 120;
}

/// <summary>
/// A fixed window of requests a minute per client address for the routes anyone may call, in code both hosts run
/// (Functions middleware does not run in the local host). The client address is the connection's remote address: in
/// Azure the Functions worker's ASP.NET Core integration sets it from the X-Forwarded-For entry App Service's front end
/// adds, so a client cannot choose it by sending that header itself. One instance counts for itself; a deployment at
/// scale limits in front of the app as well (Azure Front Door or API Management).
/// </summary>
public sealed class AnonymousRateLimit(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.AnonymousPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Counts the request against its address; over the limit it is refused with 429 and Retry-After.</summary>
    public void Check(HttpRequest request)
    {
        var address = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using var lease = _limiter.AttemptAcquire(address);
        if (lease.IsAcquired) return;
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        throw ApiProblem.TooManyRequests(retryAfter, options.Value.AnonymousPerMinute);
    }

    public void Dispose() => _limiter.Dispose();
}
