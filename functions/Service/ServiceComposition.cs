using Azure.Identity;
using ECourt.Adapters.Communication;
using ECourt.Adapters.Signing;
using ECourt.Adapters.Storage;
using ECourt.Domain.Ports;
using ECourt.Orchestrations.Service;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ECourt.Functions.Service;

/// <summary>
/// The services of electronic service and their settings (section ECourt:Service). Gateways: Communication
/// Services SMS and email where configured (connection string, or endpoint with the managed identity);
/// otherwise SMS notices go to the local outbox and email to the SMTP server of ECourt:Service:Smtp.
/// </summary>
public static class ServiceComposition
{
    public static void AddElectronicService(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("ECourt:Service");
        services.AddOptions<ServiceOptions>().Bind(section).PostConfigure(o =>
        {
            if (string.IsNullOrEmpty(o.LinkKey) && section["LinkKeyFile"] is { Length: > 0 } file) o.LinkKey = KeyFile(file);
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ServiceOptions>>().Value);
        services.Configure<WebhookOptions>(o => o.Key = section["WebhookKey"]);
        var entra = new Adapters.Identity.EntraTokenOptions();
        section.GetSection("EventGrid").Bind(entra);
        services.AddHttpClient("entra");
        // A token's lifetime is the identity provider's real time, not court time.
        services.TryAddSingleton(sp => new Adapters.Identity.EntraTokenValidator(sp.GetRequiredService<IHttpClientFactory>().CreateClient("entra"), entra,
            TimeProvider.System));

        services.TryAddSingleton<IServiceStore, TableServiceStore>();
        services.TryAddSingleton<IInbox, TableInbox>();
        services.TryAddSingleton<ICertificateStore, BlobCertificateStore>();
        services.AddHttpClient("key-vault");
        services.TryAddSingleton<IServiceCertificateSigner>(sp => Signer(section, sp));
        // Public keys of signing keys retired by rotation (ECourt:Service:RetiredPublicKeys:0, :1, …): old certificates stay verifiable.
        services.TryAddSingleton(sp => new CertificateVerifier(sp.GetRequiredService<IServiceCertificateSigner>(),
            section.GetSection("RetiredPublicKeys").GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0).ToList()));

        services.TryAddSingleton<ServiceRecords>();
        services.TryAddSingleton<GetServiceState>();
        services.TryAddSingleton<SendServiceNotice>();
        services.TryAddSingleton<AdvanceService>();
        services.TryAddSingleton<ElapsePublicNotice>();
        services.TryAddSingleton<CompleteService>();
        services.TryAddSingleton<StartProcessService>();
        services.TryAddSingleton<FlagDispatchOverdue>();
        services.TryAddSingleton<FlagRouteExhausted>();
        services.TryAddSingleton<Domain.Service.ComplaintService>();
        services.TryAddSingleton<IWorkflowDispatcher, WorkflowDispatcher>();
        services.TryAddSingleton<ServiceDispatch>();

        AddSms(services, section.GetSection("Sms"));
        AddEmail(services, section);
    }

    private static IServiceCertificateSigner Signer(IConfigurationSection section, IServiceProvider services)
    {
        if (section["SigningKeyVaultKeyUri"] is { Length: > 0 } keyUri)
            // In Azure: the key stays in Key Vault; its public half is read once, here, at first use.
            return KeyVaultCertificateSigner.CreateAsync(services.GetRequiredService<IHttpClientFactory>().CreateClient("key-vault"),
                new ManagedIdentityCredential(string.IsNullOrEmpty(section["ClientId"]) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(section["ClientId"])),
                new Uri(keyUri)).GetAwaiter().GetResult();
        if (section["SigningKeyPem"] is { Length: > 0 } pem)
        {
            var key = System.Security.Cryptography.ECDsa.Create();
            key.ImportFromPem(pem);
            return new EcdsaCertificateSigner(key);
        }
        if (section["SigningKeyFile"] is { Length: > 0 } file) return EcdsaCertificateSigner.FromFile(file);
        throw new InvalidOperationException(
            "Service certificates need the court's signing key: set ECourt:Service:SigningKeyVaultKeyUri (Key Vault), SigningKeyPem or SigningKeyFile.");
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

    private static (AcsConnection Connection, Azure.Core.TokenCredential? Credential)? Acs(IConfigurationSection section)
    {
        if (section["ConnectionString"] is { Length: > 0 } cs) return (AcsConnection.Parse(cs), null);
        if (section["Endpoint"] is { Length: > 0 } endpoint)
            return (new AcsConnection(new Uri(endpoint), null), new ManagedIdentityCredential(string.IsNullOrEmpty(section["ClientId"])
                ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(section["ClientId"])));
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
    /// Retries with backoff for 429, 5xx and timeouts outside, authentication inside, so every attempt is
    /// signed afresh. A retried SMS carries its repeatability id and a retried email its operation id: safe.
    /// </summary>
    private static void AddAcsClient(IServiceCollection services, string name, (AcsConnection Connection, Azure.Core.TokenCredential? Credential) acs)
    {
        var client = services.AddHttpClient(name);
        client.AddStandardResilienceHandler();
        client.AddHttpMessageHandler(sp => new AcsAuthenticationHandler(acs.Connection, acs.Credential, sp.GetRequiredService<TimeProvider>()));
    }
}
