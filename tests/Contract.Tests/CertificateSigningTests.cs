using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Core;
using ECourt.Adapters.Signing;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Contract.Tests;

/// <summary>
/// Certificate signing: the Key Vault signer against a stand-in for the Key Vault keys REST API (get key, sign) that holds a
/// real P-256 key: what it signs verifies with the published public key alone.
/// </summary>
public class CertificateSigningTests
{
    private const string Vault = "https://court-kv.vault.azure.net";

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromB64(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }

    private sealed class StaticToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new("kv-token", DateTimeOffset.MaxValue);
        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));
    }

    private sealed class KeyVault(ECDsa key) : HttpMessageHandler
    {
        public List<string> Calls { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls.Add($"{request.Method} {request.RequestUri!.PathAndQuery}");
            if (request.Headers.Authorization?.ToString() != "Bearer kv-token") return new HttpResponseMessage(HttpStatusCode.Unauthorized);
            var p = key.ExportParameters(false);
            if (request.Method == HttpMethod.Get && request.RequestUri.AbsolutePath == "/keys/service-signing")
                return Json(new { key = new { kid = $"{Vault}/keys/service-signing/0f1e2d", kty = "EC-HSM", crv = "P-256", x = B64(p.Q.X!), y = B64(p.Q.Y!), key_ops = new[] { "sign", "verify" } } });
            if (request.Method == HttpMethod.Post && request.RequestUri.AbsolutePath == "/keys/service-signing/0f1e2d/sign")
            {
                using var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
                if (body.RootElement.GetProperty("alg").GetString() != "ES256") return new HttpResponseMessage(HttpStatusCode.BadRequest);
                var digest = FromB64(body.RootElement.GetProperty("value").GetString()!);
                if (digest.Length != 32) return new HttpResponseMessage(HttpStatusCode.BadRequest);
                return Json(new { kid = $"{Vault}/keys/service-signing/0f1e2d", value = B64(key.SignHash(digest, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)) });
            }
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        private static HttpResponseMessage Json(object body) =>
            new(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
    }

    private static ServiceCertificate Certificate() => new("cs0123456789abcdef01234567-doc1-p2", "黑01", "cs0123456789abcdef01234567", "（2026）黑01民初1号", "doc1",
        ServedDocumentKind.ComplaintCopy, new string('a', 64), 2, "王建国", ServiceMethod.Sms, "13900000000", false, DateTimeOffset.Parse("2026-11-26T10:00:00+08:00"),
        null, DateTimeOffset.Parse("2026-11-27T09:00:00+08:00"), DateTimeOffset.Parse("2026-11-27T09:00:00+08:00"), ServiceRule.ReadAtFoundAddress, "Outgoing_1", null,
        DateTimeOffset.Parse("2026-11-27T09:00:05+08:00"));

    [Fact]
    public async Task SignsInTheVault_VerifiesWithThePublishedKeyAlone()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var vault = new KeyVault(key);
        using var signer = new KeyVaultCertificateSigner(new HttpClient(vault), new StaticToken(), new Uri($"{Vault}/keys/service-signing"));
        // Composing the signer reads nothing from the vault; the first signature reads the key.
        Assert.Empty(vault.Calls);
        var signed = await signer.SignAsync(Certificate());

        Assert.Equal(["GET /keys/service-signing?api-version=7.4", "POST /keys/service-signing/0f1e2d/sign?api-version=7.4"], vault.Calls);
        Assert.Equal("ES256", signed.Algorithm);
        Assert.True(await signer.VerifyAsync(signed));
        using var published = ECDsa.Create();
        published.ImportFromPem((await signer.KeyAsync()).PublicKeyPem);
        Assert.True(published.VerifyData(signed.Certificate.CanonicalBytes(), Convert.FromBase64String(signed.Signature), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        // The key id is the public key's, as for a local key file.
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo())[..16]), signed.KeyId);
        Assert.False(await signer.VerifyAsync(signed with { Certificate = signed.Certificate with { Recipient = "李四" } }));
    }

    [Fact]
    public async Task RotatedKey_OldCertificatesStillVerify_WithTheRetiredPublicKey()
    {
        using var oldKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var newKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var oldSigner = new EcdsaCertificateSigner(oldKey);
        using var newSigner = new EcdsaCertificateSigner(newKey);
        var old = await oldSigner.SignAsync(Certificate());
        var fresh = await newSigner.SignAsync(Certificate());

        var withoutHistory = new CertificateVerifier(newSigner, []);
        Assert.False((await withoutHistory.VerifyAsync(old)).Valid);
        Assert.True((await withoutHistory.VerifyAsync(fresh)).Valid);

        var verifier = new CertificateVerifier(newSigner, [oldSigner.PublicKeyPem]);
        var (valid, publicKey) = await verifier.VerifyAsync(old);
        Assert.True(valid);
        Assert.Equal(oldSigner.PublicKeyPem, publicKey);
        Assert.False((await verifier.VerifyAsync(old with { Certificate = old.Certificate with { ServedAt = old.Certificate.ServedAt.AddDays(-1) } })).Valid);
        Assert.Equal((true, newSigner.PublicKeyPem), await verifier.VerifyAsync(fresh));
    }
}
