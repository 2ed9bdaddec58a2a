using ECourt.Adapters.Identity;
using ECourt.Application.ServiceOfProcess;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Adapters.Signing;

/// <summary>
/// The court's key for service certificates (section ECourt:Service): a Key Vault key in Azure (the private key never
/// leaves the vault), else a PEM in settings or a key file (local runs); and the public keys of keys retired by rotation
/// (RetiredPublicKeys:0, :1, …), so earlier certificates stay verifiable.
/// </summary>
public static class SigningRegistration
{
    public static IServiceCollection AddCertificateSigning(this IServiceCollection services, IConfigurationSection service)
    {
        services.AddHttpClient("key-vault");
        services.TryAddSingleton<IServiceCertificateSigner>(sp => Signer(service, sp));
        services.TryAddSingleton<ICertificateVerifier>(sp => new CertificateVerifier(sp.GetRequiredService<IServiceCertificateSigner>(),
            service.GetSection("RetiredPublicKeys").GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0).ToList()));
        return services;
    }

    private static IServiceCertificateSigner Signer(IConfigurationSection section, IServiceProvider services)
    {
        if (section["SigningKeyVaultKeyUri"] is { Length: > 0 } keyUri)
            return new KeyVaultCertificateSigner(services.GetRequiredService<IHttpClientFactory>().CreateClient("key-vault"),
                AzureCredentials.ManagedIdentity(section["ClientId"]), new Uri(keyUri));
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
}
