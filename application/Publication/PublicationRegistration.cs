using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Application.Publication;

/// <summary>Publishing judgments: so far, the preview of a judgment's anonymisation.</summary>
public static class PublicationRegistration
{
    public static IServiceCollection AddPublication(this IServiceCollection services)
    {
        services.TryAddSingleton<PreviewRedaction>();
        return services;
    }
}
