using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Application.Requests;

/// <summary>What every request may use, whatever its stage: idempotency keys, and their purge.</summary>
public static class RequestsRegistration
{
    public static IServiceCollection AddRequests(this IServiceCollection services)
    {
        services.TryAddSingleton<IdempotentRequests>();
        services.TryAddSingleton<PurgeLapsedIdempotencyKeys>();
        return services;
    }
}
