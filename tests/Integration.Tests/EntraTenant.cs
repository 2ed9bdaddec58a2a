using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ECourt.Integration.Tests;

/// <summary>
/// A Microsoft Entra tenant for tests: its OpenID Connect metadata and signing keys served from local RSA keys in the
/// format login.microsoftonline.com publishes, and tokens signed by any key (a published one, or another to forge one).
/// The tenant can rotate its keys (<see cref="Publish"/>, <see cref="Remove"/>) and fail to answer (<see cref="Failing"/>).
/// </summary>
internal sealed class EntraTenant : HttpMessageHandler
{
    public const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string Instance = "https://login.test";
    public const string Issuer = $"{Instance}/{Tenant}/v2.0";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, RSA> _published = new(StringComparer.Ordinal);

    /// <summary>Fetches of the keys (each starts with the metadata), answered or failed.</summary>
    public int Fetches;

    public EntraTenant(RSA key) => Publish("key-1", key);

    /// <summary>While true, the metadata and key endpoints answer 503.</summary>
    public bool Failing { get; set; }

    public void Publish(string kid, RSA key)
    {
        lock (_gate) _published[kid] = key;
    }

    public void Remove(string kid)
    {
        lock (_gate) _published.Remove(kid);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsoluteUri;
        var metadata = path == $"{Instance}/{Tenant}/v2.0/.well-known/openid-configuration";
        if (metadata) Interlocked.Increment(ref Fetches);
        if (Failing) return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        string body;
        if (metadata)
            body = JsonSerializer.Serialize(new { issuer = Issuer, jwks_uri = $"{Instance}/{Tenant}/discovery/v2.0/keys" });
        else if (path == $"{Instance}/{Tenant}/discovery/v2.0/keys")
        {
            lock (_gate)
            {
                var keys = _published.Select(k => (Kid: k.Key, P: k.Value.ExportParameters(false)))
                    .Select(k => new { kty = "RSA", use = "sig", kid = k.Kid, n = B64(k.P.Modulus!), e = B64(k.P.Exponent!) });
                body = JsonSerializer.Serialize(new { keys });
            }
        }
        else return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
    }

    public static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// A token as the tenant issues it (in real time: a token's lifetime is not court time), valid from
    /// <paramref name="notBefore"/> (else 2 hours before it expires), with any claims added.
    /// </summary>
    public static string Token(RSA key, string audience, string issuer = Issuer, DateTimeOffset? expires = null, string kid = "key-1",
        IDictionary<string, object>? claims = null, string alg = "RS256", DateTimeOffset? notBefore = null)
    {
        var until = expires ?? DateTimeOffset.UtcNow.AddHours(1);
        var payload = new Dictionary<string, object>
        {
            ["iss"] = issuer,
            ["aud"] = audience,
            ["tid"] = Tenant,
            ["nbf"] = (notBefore ?? until.AddHours(-2)).ToUnixTimeSeconds(),
            ["exp"] = until.ToUnixTimeSeconds(),
        };
        foreach (var (name, value) in claims ?? new Dictionary<string, object>()) payload[name] = value;
        var header = B64(JsonSerializer.SerializeToUtf8Bytes(new { alg, kid, typ = "JWT" }));
        var body = B64(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = alg == "none" ? ""
            : B64(key.SignData(Encoding.ASCII.GetBytes(header + "." + body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return $"{header}.{body}.{signature}";
    }
}
