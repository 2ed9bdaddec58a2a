using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// Event Grid delivering with Microsoft Entra authentication: the webhook accepts a token the tenant signed
/// for the expected audience, checked against the tenant's published keys (served here from a local RSA
/// key in the OpenID Connect metadata format), and refuses any other.
/// </summary>
public class EntraWebhookTests
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string Audience = "api://ecourt-webhook";
    private const string Instance = "https://login.test";

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The tenant's OpenID Connect metadata and signing keys, as login.microsoftonline.com publishes them.</summary>
    private sealed class TenantKeys(RSA key) : HttpMessageHandler
    {
        public int Fetches;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsoluteUri;
            string body;
            if (path == $"{Instance}/{Tenant}/v2.0/.well-known/openid-configuration")
                body = JsonSerializer.Serialize(new { issuer = $"{Instance}/{Tenant}/v2.0", jwks_uri = $"{Instance}/{Tenant}/discovery/v2.0/keys" });
            else if (path == $"{Instance}/{Tenant}/discovery/v2.0/keys")
            {
                Interlocked.Increment(ref Fetches);
                var p = key.ExportParameters(false);
                body = JsonSerializer.Serialize(new { keys = new[] { new { kty = "RSA", use = "sig", kid = "key-1", n = B64(p.Modulus!), e = B64(p.Exponent!) } } });
            }
            else return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }

    private static string Token(RSA key, string audience = Audience, string issuer = $"{Instance}/{Tenant}/v2.0", DateTimeOffset? expires = null, string kid = "key-1")
    {
        var header = B64(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", kid, typ = "JWT" }));
        var payload = B64(JsonSerializer.SerializeToUtf8Bytes(new
        {
            iss = issuer, aud = audience, appid = "4962773b-9cdb-44cf-a8bf-237846a00ab7",
            nbf = (expires ?? CourtTestHost.Future.AddHours(1)).AddHours(-2).ToUnixTimeSeconds(), exp = (expires ?? CourtTestHost.Future.AddHours(1)).ToUnixTimeSeconds(),
        }));
        var signature = B64(key.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return $"{header}.{payload}.{signature}";
    }

    private const string Handshake = """
        [{"id":"1","topic":"/x","subject":"","data":{"validationCode":"code-1"},"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent",
          "eventTime":"2098-11-27T02:00:00Z","metadataVersion":"1","dataVersion":"2"}]
        """;

    [Fact]
    public async Task Webhook_EntraToken_ForTheAudience_Accepted_AnyOtherRefused()
    {
        using var tenantKey = RSA.Create(2048);
        using var otherKey = RSA.Create(2048);
        var keys = new TenantKeys(tenantKey);
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future,
            services => services.AddHttpClient("entra").ConfigurePrimaryHttpMessageHandler(() => keys),
            new Dictionary<string, string?>
            {
                ["ECourt:Service:EventGrid:TenantId"] = Tenant,
                ["ECourt:Service:EventGrid:Audience"] = Audience,
                ["ECourt:Service:EventGrid:Instance"] = Instance,
            });
        Task<TestResponse> Post(string token) => host.SendAsync("POST", "/api/events/communication", null, Encoding.UTF8.GetBytes(Handshake), "application/json",
            new Dictionary<string, string> { ["Authorization"] = "Bearer " + token });

        var ok = await Post(Token(tenantKey));
        Assert.Equal(200, ok.Status);
        Assert.Equal("code-1", ok.Json.GetProperty("validationResponse").GetString());
        Assert.Equal(401, (await Post(Token(tenantKey, audience: "api://someone-else"))).Status);
        Assert.Equal(401, (await Post(Token(tenantKey, issuer: "https://login.microsoftonline.com/another-tenant/v2.0"))).Status);
        Assert.Equal(401, (await Post(Token(tenantKey, expires: CourtTestHost.Future.AddMinutes(-6)))).Status);
        Assert.Equal(401, (await Post(Token(otherKey))).Status);
        Assert.Equal(401, (await Post(Token(otherKey, kid: "unknown-key"))).Status);
        Assert.Equal(401, (await Post("not-a-token")).Status);
        // Keys are cached: an unknown key id fetches them again at most every few minutes.
        Assert.Equal(1, keys.Fetches);
    }
}
