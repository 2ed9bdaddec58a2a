using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ECourt.Integration.Tests;

/// <summary>
/// A Microsoft Entra tenant for tests: its OpenID Connect metadata and signing keys served from a local RSA key in the
/// format login.microsoftonline.com publishes, and tokens signed by that key (or by any other, to forge one).
/// </summary>
internal sealed class EntraTenant(RSA key) : HttpMessageHandler
{
    public const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string Instance = "https://login.test";
    public const string Issuer = $"{Instance}/{Tenant}/v2.0";

    public int Fetches;

    public RSA Key => key;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsoluteUri;
        string body;
        if (path == $"{Instance}/{Tenant}/v2.0/.well-known/openid-configuration")
            body = JsonSerializer.Serialize(new { issuer = Issuer, jwks_uri = $"{Instance}/{Tenant}/discovery/v2.0/keys" });
        else if (path == $"{Instance}/{Tenant}/discovery/v2.0/keys")
        {
            Interlocked.Increment(ref Fetches);
            var p = key.ExportParameters(false);
            body = JsonSerializer.Serialize(new { keys = new[] { new { kty = "RSA", use = "sig", kid = "key-1", n = B64(p.Modulus!), e = B64(p.Exponent!) } } });
        }
        else return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }

    public static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A token as the tenant issues it (in real time: a token's lifetime is not court time), with any claims added.</summary>
    public static string Token(RSA key, string audience, string issuer = Issuer, DateTimeOffset? expires = null, string kid = "key-1",
        IDictionary<string, object>? claims = null, string alg = "RS256")
    {
        var until = expires ?? DateTimeOffset.UtcNow.AddHours(1);
        var payload = new Dictionary<string, object>
        {
            ["iss"] = issuer,
            ["aud"] = audience,
            ["appid"] = "4962773b-9cdb-44cf-a8bf-237846a00ab7",
            ["nbf"] = until.AddHours(-2).ToUnixTimeSeconds(),
            ["exp"] = until.ToUnixTimeSeconds(),
        };
        foreach (var (name, value) in claims ?? new Dictionary<string, object>()) payload[name] = value;
        var header = B64(JsonSerializer.SerializeToUtf8Bytes(new { alg, kid, typ = "JWT" }));
        var body = B64(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = alg == "none" ? "" : B64(key.SignData(Encoding.ASCII.GetBytes(header + "." + body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return $"{header}.{body}.{signature}";
    }
}
