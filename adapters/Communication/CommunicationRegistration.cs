using ECourt.Adapters.Identity;
using ECourt.Application.ServiceOfProcess;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Adapters.Communication;

/// <summary>
/// The gateways of service notices (section ECourt:Service): Communication Services SMS and email where configured
/// (connection string, or endpoint with the managed identity); otherwise SMS notices go to the local outbox and email
/// to the SMTP server of ECourt:Service:Smtp.
/// </summary>
public static class CommunicationRegistration
{
    public static IServiceCollection AddNoticeGateways(this IServiceCollection services, IConfigurationSection service)
    {
        AddSms(services, service.GetSection("Sms"));
        AddEmail(services, service);
        return services;
    }

    private static (AcsConnection Connection, Azure.Core.TokenCredential? Credential)? Acs(IConfigurationSection section)
    {
        if (section["ConnectionString"] is { Length: > 0 } cs) return (AcsConnection.Parse(cs), null);
        if (section["Endpoint"] is { Length: > 0 } endpoint) return (new AcsConnection(new Uri(endpoint), null), AzureCredentials.ManagedIdentity(section["ClientId"]));
        return null;
    }

    private static void AddSms(IServiceCollection services, IConfigurationSection section)
    {
        if (Acs(section) is not { } acs)
        {
            services.TryAddSingleton<ISmsGateway, LocalSmsOutbox>();
            return;
        }
        var options = new AcsSmsOptions(acs.Connection, section["From"] ?? throw new InvalidOperationException("ECourt:Service:Sms:From names the court's sender number."));
        AddAcsClient(services, "acs-sms", acs);
        services.TryAddSingleton<ISmsGateway>(sp => new AcsSmsGateway(sp.GetRequiredService<IHttpClientFactory>().CreateClient("acs-sms"), options));
    }

    private static void AddEmail(IServiceCollection services, IConfigurationSection service)
    {
        var section = service.GetSection("Email");
        if (Acs(section) is not { } acs)
        {
            var smtp = new SmtpOptions();
            service.GetSection("Smtp").Bind(smtp);
            services.TryAddSingleton<IEmailGateway>(new SmtpEmailGateway(smtp));
            return;
        }
        var options = new AcsEmailOptions(acs.Connection, section["SenderAddress"] ?? throw new InvalidOperationException("ECourt:Service:Email:SenderAddress names the court's sender."));
        AddAcsClient(services, "acs-email", acs);
        services.TryAddSingleton<IEmailGateway>(sp =>
            new AcsEmailGateway(sp.GetRequiredService<IHttpClientFactory>().CreateClient("acs-email"), options, sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary>
    /// Retries with backoff for 429, 5xx and timeouts outside, authentication inside, so every attempt is signed afresh.
    /// A retried SMS carries its repeatability id and a retried email its operation id: safe.
    /// </summary>
    private static void AddAcsClient(IServiceCollection services, string name, (AcsConnection Connection, Azure.Core.TokenCredential? Credential) acs)
    {
        var client = services.AddHttpClient(name);
        client.AddStandardResilienceHandler();
        client.AddHttpMessageHandler(sp => new AcsAuthenticationHandler(acs.Connection, acs.Credential, sp.GetRequiredService<TimeProvider>()));
    }
}
