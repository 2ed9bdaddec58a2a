using Azure.Messaging.ServiceBus;
using ECourt.Adapters.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Adapters.BankMessages;

/// <summary>The Service Bus client of the bank queues (section ECourt:Banking:ServiceBus): a namespace with the managed identity, or a connection string.</summary>
public static class ServiceBusRegistration
{
    /// <summary>Registers the client; false when no namespace or connection string is configured.</summary>
    public static bool AddServiceBusClient(this IServiceCollection services, IConfigurationSection section)
    {
        var connectionString = section["ConnectionString"];
        var fullyQualifiedNamespace = section["FullyQualifiedNamespace"];
        if (string.IsNullOrEmpty(connectionString) && string.IsNullOrEmpty(fullyQualifiedNamespace)) return false;
        services.AddSingleton(_ => string.IsNullOrEmpty(connectionString)
            ? new ServiceBusClient(fullyQualifiedNamespace, AzureCredentials.ManagedIdentity(section["ClientId"]))
            : new ServiceBusClient(connectionString));
        return true;
    }
}
