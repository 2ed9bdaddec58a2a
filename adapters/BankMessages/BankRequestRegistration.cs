using Azure.Messaging.ServiceBus;
using ECourt.Application.Enforcement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Adapters.BankMessages;

public static class BankRequestRegistration
{
    /// <summary>
    /// Requests to banks go on topic bank-requests through the registered Service Bus client (AddServiceBusClient); call it only when
    /// that client is configured. A sender registered before (the local sandbox bank, a test's) is kept.
    /// </summary>
    public static void AddBankRequestSender(this IServiceCollection services) =>
        services.TryAddSingleton<IBankRequestSender>(sp =>
            new ServiceBusBankRequests(sp.GetRequiredService<ServiceBusClient>(), sp.GetRequiredService<TimeProvider>()));
}
