using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Functions.Payments;

public static class PaymentsComposition
{
    /// <summary>The bank message handlers (one per queue) and the listeners' settings.</summary>
    public static IServiceCollection AddPaymentsMessages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BankMessagingOptions>().Bind(configuration.GetSection("ECourt:Banking"));
        services.TryAddSingleton<BankMessageDelivery>();
        services.TryAddSingleton<BankCreditHandler>();
        services.TryAddSingleton<BankStatementHandler>();
        services.AddSingleton<IBankMessageHandler>(sp => sp.GetRequiredService<BankCreditHandler>());
        services.AddSingleton<IBankMessageHandler>(sp => sp.GetRequiredService<BankStatementHandler>());
        return services;
    }
}
