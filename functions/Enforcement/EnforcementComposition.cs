using ECourt.Application.Enforcement;
using ECourt.Functions.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Functions.Enforcement;

public static class EnforcementComposition
{
    /// <summary>The court's local rules for enforcement (section ECourt:Enforcement) and the handler of the banks' replies.</summary>
    public static IServiceCollection AddEnforcementMessages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EnforcementOptions>().Bind(configuration.GetSection("ECourt:Enforcement"));
        services.TryAddSingleton<BankReplyHandler>();
        services.AddSingleton<IBankMessageHandler>(sp => sp.GetRequiredService<BankReplyHandler>());
        return services;
    }
}
