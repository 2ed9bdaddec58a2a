using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Core;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Adapters.Signing;

/// <summary>
/// Signs service certificates with an EC P-256 key held in Azure Key Vault (the private key never leaves it): the
/// certificate's SHA-256 is sent to the key's sign operation (REST, api-version 7.4, ES256) with a token of the app's
/// managed identity. The public key is read from the vault once, when first needed (not at composition, which must not
/// wait on the network), so verification and the key id (the first 16 bytes of the SHA-256 of the public key) need no
/// further call.
/// </summary>
public sealed class KeyVaultCertificateSigner(HttpClient http, TokenCredential credential, Uri keyUri) : IServiceCertificateSigner, IDisposable
{
    public const string ApiVersion = "7.4";
    private static readonly string[] Scopes = ["https://vault.azure.net/.default"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Loaded? _key;

    private sealed record Loaded(Uri KeyVersionUri, ECDsa PublicKey, SigningKey Published);

    private async Task<Loaded> LoadAsync(CancellationToken ct)
    {
        if (_key is { } loaded) return loaded;
        await _gate.WaitAsync(ct);
        try
        {
            if (_key is { } again) return again;
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{keyUri.AbsoluteUri.TrimEnd('/')}?api-version={ApiVersion}");
            await AuthorizeAsync(request, ct);
            using var response = await http.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var jwk = document.RootElement.GetProperty("key");
            if (jwk.GetProperty("kty").GetString() is not ("EC" or "EC-HSM") || jwk.GetProperty("crv").GetString() != "P-256")
                throw new InvalidOperationException("The court's signing key in Key Vault must be an EC key on P-256.");
            var key = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = FromBase64Url(jwk.GetProperty("x").GetString()!), Y = FromBase64Url(jwk.GetProperty("y").GetString()!) },
            });
            var spki = key.ExportSubjectPublicKeyInfo();
            // Sign with the version read now, so every signature matches the public key held here.
            _key = new Loaded(new Uri(jwk.GetProperty("kid").GetString()!), key,
                new SigningKey(Convert.ToHexStringLower(SHA256.HashData(spki)[..16]), "ES256", PemEncoding.WriteString("PUBLIC KEY", spki)));
            return _key;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<SigningKey> KeyAsync(CancellationToken ct = default) => (await LoadAsync(ct)).Published;

    private sealed record SignRequest(string Alg, string Value);

    public async Task<SignedServiceCertificate> SignAsync(ServiceCertificate certificate, CancellationToken ct = default)
    {
        var key = await LoadAsync(ct);
        var digest = SHA256.HashData(certificate.CanonicalBytes());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{key.KeyVersionUri.AbsoluteUri.TrimEnd('/')}/sign?api-version={ApiVersion}")
        {
            Content = JsonContent.Create(new SignRequest("ES256", Base64Url(digest)), options: new JsonSerializerOptions(JsonSerializerDefaults.Web)),
        };
        await AuthorizeAsync(request, ct);
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var signature = FromBase64Url(document.RootElement.GetProperty("value").GetString()!);
        // Never hand out a signature the published key would not accept.
        if (!key.PublicKey.VerifyHash(digest, signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            throw new CryptographicException("Key Vault returned a signature the court's public key does not verify.");
        return new SignedServiceCertificate(certificate, key.Published.Algorithm, key.Published.KeyId, Convert.ToBase64String(signature));
    }

    public async Task<bool> VerifyAsync(SignedServiceCertificate signed, CancellationToken ct = default)
    {
        var key = await LoadAsync(ct);
        if (signed.Algorithm != key.Published.Algorithm || signed.KeyId != key.Published.KeyId) return false;
        byte[] signature;
        try { signature = Convert.FromBase64String(signed.Signature); }
        catch (FormatException) { return false; }
        return key.PublicKey.VerifyData(signed.Certificate.CanonicalBytes(), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var token = await credential.GetTokenAsync(new TokenRequestContext(Scopes), ct);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }

    public void Dispose()
    {
        _key?.PublicKey.Dispose();
        _gate.Dispose();
    }
}
