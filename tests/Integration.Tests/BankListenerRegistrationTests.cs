using ECourt.Functions.Composition;
using ECourt.Functions.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ECourt.Integration.Tests;

public class BankListenerRegistrationTests
{
    private static bool ListenerRegistered(params (string, string)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Item1, s.Item2))).Build();
        var services = new ServiceCollection();
        services.AddECourt(configuration);
        return services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(BankMessageListener));
    }

    [Fact]
    public void Listener_RunsOnlyWhereServiceBusIsConfigured()
    {
        Assert.False(ListenerRegistered());
        Assert.True(ListenerRegistered(("ECourt:Banking:ServiceBus:FullyQualifiedNamespace", "ecourt.servicebus.windows.net")));
        Assert.True(ListenerRegistered(("ECourt:Banking:ServiceBus:ConnectionString", "Endpoint=sb://127.0.0.1/;SharedAccessKeyName=listen;SharedAccessKey=a2V5")));
    }
}
