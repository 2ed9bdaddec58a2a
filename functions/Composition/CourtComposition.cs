using ECourt.Adapters.BankMessages;
using ECourt.Adapters.Communication;
using ECourt.Adapters.Documents;
using ECourt.Adapters.Identity;
using ECourt.Adapters.Search;
using ECourt.Adapters.Signing;
using ECourt.Adapters.Storage;
using ECourt.Application;
using ECourt.Application.Assignment;
using ECourt.Application.Cases;
using ECourt.Application.Enforcement;
using ECourt.Application.Messaging;
using ECourt.Application.Payments;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Courts;
using ECourt.Functions.Answer;
using ECourt.Functions.Assignment;
using ECourt.Functions.Cases;
using ECourt.Functions.Enforcement;
using ECourt.Functions.Evidence;
using ECourt.Functions.Fees;
using ECourt.Functions.Filing;
using ECourt.Functions.Hearings;
using ECourt.Functions.Http;
using ECourt.Functions.Judgments;
using ECourt.Functions.Messaging;
using ECourt.Functions.Parties;
using ECourt.Functions.Payments;
using ECourt.Functions.Publication;
using ECourt.Functions.ServiceOfProcess;
using ECourt.Functions.TrialLimit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECourt.Functions.Composition;

/// <summary>
/// The one composition of the court, called by the Functions app's Program.cs, by the local host and by the tests, so
/// every host runs the same classes: the courts and their settings, the adapters (one Add… per technology), the use
/// cases (one Add… per stage, in the application layer), and the HTTP side of each stage. Durable messaging goes by
/// queue here; a host with a durable client in its services registers the client one first.
/// </summary>
public static class CourtComposition
{
    public static IServiceCollection AddECourt(this IServiceCollection services, IConfiguration configuration)
    {
        // The courts, checked against the national ranges at start.
        services.TryAddSingleton(_ => CourtConfiguration.Read(configuration));

        // Adapters.
        services.AddAzureStorage(StorageOptionsFrom(configuration));
        services.AddHostedService<StorageInitializer>();
        // After the tables exist: the holiday arrangements published so far, read again every few minutes.
        services.AddOptions<Calendar.CalendarOptions>().Bind(configuration.GetSection("ECourt:Calendar"));
        services.AddHostedService<Calendar.CalendarRefresh>();
        var service = configuration.GetSection("ECourt:Service");
        services.AddNoticeGateways(service);
        services.AddCertificateSigning(service);
        services.AddJudgmentTextReader();
        services.AddJudgmentSearch(configuration);
        if (services.AddServiceBusClient(configuration.GetSection("ECourt:Banking:ServiceBus")))
        {
            services.AddHostedService<BankMessageListener>();
            services.AddBankRequestSender();
        }
        // A local run's banks: the sandbox bank answers from configured accounts; with none, requests wait in their cases' outboxes.
        var sandbox = configuration.GetSection("ECourt:Banking:Sandbox");
        services.AddOptions<SandboxBankOptions>().Bind(sandbox);
        if (sandbox.GetValue<bool>("Enabled"))
        {
            services.TryAddSingleton<SandboxBank>();
            services.TryAddSingleton<IBankRequestSender>(sp => sp.GetRequiredService<SandboxBank>());
            services.AddHostedService(sp => sp.GetRequiredService<SandboxBank>());
        }
        services.TryAddSingleton<IBankRequestSender, NoBankConnection>();
        services.TryAddSingleton<IDurableMessaging, QueuedDurableMessaging>();
        services.TryAddSingleton<DurableClients>();
        services.TryAddSingleton<QueueMessageRetry>();
        services.TryAddSingleton<JudgmentIndexFunctions>();

        // Settings of the use cases.
        services.AddOptions<LifecycleOptions>().Bind(configuration.GetSection("ECourt:Lifecycle"));
        services.AddOptions<PaymentsOptions>().Bind(configuration.GetSection("ECourt:Banking"));
        services.AddOptions<ServiceOptions>().Bind(service).PostConfigure(o =>
        {
            if (string.IsNullOrEmpty(o.LinkKey) && service["LinkKeyFile"] is { Length: > 0 } file) o.LinkKey = KeyFile(file);
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ServiceOptions>>().Value);
        // Link codes are computed with the court's link key (a purpose of their own within the MAC, see PartyLinkCode).
        services.TryAddSingleton(sp => new Application.Parties.PartyLinkKey(() => sp.GetRequiredService<ServiceOptions>().LinkKeyBytes()));
        services.AddOptions<Application.Hearings.HearingOptions>().Bind(configuration.GetSection("ECourt:Hearings"));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<Application.Hearings.HearingOptions>>().Value);

        // Use cases, stage by stage.
        services.AddCourtApplication();

        // HTTP and messages: who calls, how often anonymous callers may, from which browsers' origins, and each stage's part of the API.
        services.AddHttpEndpoints(configuration);
        services.AddCaseViewParts();
        services.AddPaymentsMessages(configuration);
        services.AddEnforcementMessages(configuration);
        services.AddServiceOfProcessHttp(configuration);
        return services;
    }

    /// <summary>The case view's core and each stage's part of it (the API document describes the same parts).</summary>
    public static IServiceCollection AddCaseViewParts(this IServiceCollection services) =>
        services.AddCaseViews().AddFilingViews().AddFeesViews().AddAssignmentViews().AddTrialLimitViews().AddOnlineConsentViews()
            .AddAnswerViews().AddEvidenceViews().AddHearingViews()
            .AddJudgmentViews().AddPublicationViews().AddEnforcementViews();

    private static IServiceCollection AddHttpEndpoints(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdentityOptions>().Bind(configuration.GetSection("ECourt:Identity"));
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection("ECourt:RateLimit"));
        services.AddOptions<CorsOptions>().Bind(configuration.GetSection("ECourt:Cors"));
        services.TryAddSingleton<CorsPolicy>();
        services.TryAddSingleton(_ => ClientPrincipalTrust.From(configuration));
        services.AddHttpClient("entra");
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<IdentityOptions>>().Value;
            // A token's lifetime is the identity provider's real time, not court time.
            var tokens = new EntraTokenValidator(sp.GetRequiredService<IHttpClientFactory>().CreateClient("entra"), options.Tokens,
                new UserAccessToken(options.Scope), TimeProvider.System, sp.GetRequiredService<ILogger<CallerIdentity>>());
            return new CallerIdentity(tokens, options, sp.GetRequiredService<ClientPrincipalTrust>(),
                sp.GetRequiredService<CourtDirectory>(), sp.GetRequiredService<StaffDirectory>());
        });
        services.TryAddSingleton<AnonymousRateLimit>();
        services.TryAddSingleton<IdempotentWrites>();
        services.TryAddSingleton<ApiEndpoint>();
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
            ConnectionString = configuration["ECourt:Storage:ConnectionString"] is { Length: > 0 } cs ? cs
                : configuration["AzureWebJobsStorage"],
            TableServiceUri = Uri("tableServiceUri") is { } t ? new System.Uri(t) : null,
            BlobServiceUri = Uri("blobServiceUri") is { } b ? new System.Uri(b) : null,
            QueueServiceUri = Uri("queueServiceUri") is { } q ? new System.Uri(q) : null,
            ManagedIdentityClientId = section["clientId"],
            NamePrefix = configuration["ECourt:Storage:NamePrefix"] ?? "",
        };
    }

    /// <summary>A key kept in a file (local runs): read it, or create it with 32 random bytes.</summary>
    private static string KeyFile(string path)
    {
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(path, key);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
