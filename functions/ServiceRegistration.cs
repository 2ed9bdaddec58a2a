using ECourt.Adapters.Storage;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Courts;
using ECourt.Domain.Ports;
using ECourt.Functions.Cases;
using ECourt.Functions.Http;
using ECourt.Functions.Lifecycle;
using ECourt.Orchestrations.Cases;
using ECourt.Orchestrations.Lifecycle;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ECourt.Functions;

/// <summary>
/// The one composition of the court's services, called by the Functions app's Program.cs, by the
/// local host and by the tests, so every host runs the same classes.
/// </summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddECourt(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);

        // The court's rules.
        services.TryAddSingleton(_ => CourtConfiguration.Read(configuration));
        services.TryAddSingleton(CourtCalendar.Published);
        services.TryAddSingleton<DeadlineCalculator>();
        services.TryAddSingleton<FilingReview>();
        services.TryAddSingleton(sp => new FeeCollection(sp.GetRequiredService<DeadlineCalculator>(), sp.GetRequiredService<CourtDirectory>().Get));
        services.TryAddSingleton<CaseRegistration>();
        services.TryAddSingleton(sp => new ProcedureConversion(sp.GetRequiredService<CourtDirectory>().Get));

        // Storage.
        services.TryAddSingleton(_ => StorageOptionsFrom(configuration));
        services.TryAddSingleton(sp => new StorageClients(sp.GetRequiredService<StorageOptions>(), sp.GetService<StorageRequestCounter>()));
        services.TryAddSingleton<ICaseStore, TableCaseStore>();
        services.TryAddSingleton<ICaseIndex, TableCaseIndex>();
        services.TryAddSingleton<ICaseNumberRegistry, TableCaseNumberRegistry>();
        services.TryAddSingleton<IDocumentStore, BlobDocumentStore>();
        services.TryAddSingleton<ISuspenseLedger, TableSuspenseLedger>();
        services.TryAddSingleton<ICourtFunds, TableCourtFunds>();
        services.TryAddSingleton<IReconciliationStore, TableReconciliationStore>();
        services.AddHostedService<StorageInitializer>();

        // Application services and activities.
        services.TryAddSingleton<CaseChanges>();
        services.TryAddSingleton<CaseRegistrar>();
        services.TryAddSingleton<GetCaseProgress>();
        services.TryAddSingleton<KeepDeadline>();
        services.TryAddSingleton<FeeLedger>();

        // Banks.
        services.AddOptions<Banking.BankMessagingOptions>().Bind(configuration.GetSection("ECourt:Banking"));
        services.TryAddSingleton<Banking.BankCreditHandler>();
        services.TryAddSingleton<Banking.BankStatementHandler>();
        services.TryAddSingleton<Banking.ClaimSuspense>();
        services.AddSingleton<Banking.IBankMessageHandler>(sp => sp.GetRequiredService<Banking.BankCreditHandler>());
        services.AddSingleton<Banking.IBankMessageHandler>(sp => sp.GetRequiredService<Banking.BankStatementHandler>());
        Banking.BankMessageListener.AddWhenConfigured(services, configuration);

        // Service of documents.
        Service.ServiceComposition.AddElectronicService(services, configuration);

        // HTTP: who calls, and how often anonymous callers may.
        services.AddOptions<IdentityOptions>().Bind(configuration.GetSection("ECourt:Identity"));
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection("ECourt:RateLimit"));
        services.TryAddSingleton(_ => ClientPrincipalTrust.From(configuration));
        services.AddHttpClient("entra");
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<IdentityOptions>>().Value;
            // A token's lifetime is the identity provider's real time, not court time.
            var tokens = new Adapters.Identity.EntraTokenValidator(sp.GetRequiredService<IHttpClientFactory>().CreateClient("entra"), options.Tokens, TimeProvider.System);
            return new CallerIdentity(tokens, options, sp.GetRequiredService<ClientPrincipalTrust>(), sp.GetRequiredService<CourtDirectory>());
        });
        services.TryAddSingleton<AnonymousRateLimit>();
        services.TryAddSingleton<ApiEndpoint>();
        services.TryAddSingleton<CaseAccess>();
        services.TryAddSingleton<CaseCommands>();
        services.TryAddSingleton<CaseSignals>();
        return services;
    }

    /// <summary>
    /// A connection string in ECourt:Storage:ConnectionString or AzureWebJobsStorage (Azurite, keys), or the
    /// service URIs of AzureWebJobsStorage__tableServiceUri / __blobServiceUri with the managed identity.
    /// </summary>
    public static StorageOptions StorageOptionsFrom(IConfiguration configuration)
    {
        var section = configuration.GetSection("AzureWebJobsStorage");
        string? Uri(string name) => section[name] is { Length: > 0 } v ? v : null;
        return new StorageOptions
        {
            ConnectionString = configuration["ECourt:Storage:ConnectionString"] is { Length: > 0 } cs ? cs : configuration["AzureWebJobsStorage"],
            TableServiceUri = Uri("tableServiceUri") is { } t ? new System.Uri(t) : null,
            BlobServiceUri = Uri("blobServiceUri") is { } b ? new System.Uri(b) : null,
            QueueServiceUri = Uri("queueServiceUri") is { } q ? new System.Uri(q) : null,
            ManagedIdentityClientId = section["clientId"],
            NamePrefix = configuration["ECourt:Storage:NamePrefix"] ?? "",
        };
    }
}

/// <summary>Creates the court's tables and container at start-up where they are missing.</summary>
public sealed class StorageInitializer(StorageClients storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
