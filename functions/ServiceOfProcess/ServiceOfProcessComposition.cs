using ECourt.Adapters.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ECourt.Functions.ServiceOfProcess;

public static class ServiceOfProcessComposition
{
    /// <summary>
    /// The delivery report webhook's authentication: Event Grid's Entra tokens (ECourt:Service:EventGrid, whose tenant and
    /// sign-in endpoint are the API's unless it names others) or the webhook key.
    /// </summary>
    public static IServiceCollection AddServiceOfProcessHttp(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("ECourt:Service");
        var eventGrid = new EntraTokenOptions();
        var eventGridSection = section.GetSection("EventGrid");
        eventGridSection.Bind(eventGrid);
        var identity = configuration.GetSection("ECourt:Identity");
        if (string.IsNullOrEmpty(eventGrid.TenantId)) eventGrid.TenantId = identity["TenantId"];
        if (string.IsNullOrEmpty(eventGridSection["Instance"]) && identity["Instance"] is { Length: > 0 } instance)
            eventGrid.Instance = instance;
        var delivery = new EventGridDelivery(eventGrid.TenantId ?? "",
            eventGridSection["ApplicationId"] is { Length: > 0 } application ? application : EventGridDelivery.DefaultApplicationId);
        services.TryAddSingleton(sp => new WebhookAuthentication(
            // A token's lifetime is the identity provider's real time, not court time.
            new EntraTokenValidator(sp.GetRequiredService<IHttpClientFactory>().CreateClient("entra"), eventGrid, delivery,
                TimeProvider.System, sp.GetRequiredService<ILogger<WebhookAuthentication>>()),
            section["WebhookKey"], sp.GetRequiredService<ILogger<WebhookAuthentication>>()));
        return services;
    }
}
