using ECourt.Adapters.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ECourt.Functions.ServiceOfProcess;

public static class ServiceOfProcessComposition
{
    /// <summary>The delivery report webhook's authentication: Event Grid's Entra tokens (ECourt:Service:EventGrid) or the webhook key.</summary>
    public static IServiceCollection AddServiceOfProcessHttp(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("ECourt:Service");
        var eventGrid = new EntraTokenOptions();
        section.GetSection("EventGrid").Bind(eventGrid);
        services.TryAddSingleton(sp => new WebhookAuthentication(
            // A token's lifetime is the identity provider's real time, not court time.
            new EntraTokenValidator(sp.GetRequiredService<IHttpClientFactory>().CreateClient("entra"), eventGrid, TimeProvider.System,
                sp.GetRequiredService<ILogger<WebhookAuthentication>>()),
            section["WebhookKey"], sp.GetRequiredService<ILogger<WebhookAuthentication>>()));
        return services;
    }
}
