using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// Event Grid delivering with Microsoft Entra authentication: the webhook accepts a token the tenant signed
/// for the expected audience, checked against the tenant's published keys (served here from a local RSA
/// key in the OpenID Connect metadata format), and refuses any other.
/// </summary>
public class EntraWebhookTests
{
    private const string Audience = "api://ecourt-webhook";

    private static string Token(RSA key, string audience = Audience, string issuer = EntraTenant.Issuer, DateTimeOffset? expires = null, string kid = "key-1") =>
        EntraTenant.Token(key, audience, issuer, expires, kid);

    private const string Handshake = """
        [{"id":"1","topic":"/x","subject":"","data":{"validationCode":"code-1"},"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent",
          "eventTime":"2098-11-27T02:00:00Z","metadataVersion":"1","dataVersion":"2"}]
        """;

    [Fact]
    public async Task Webhook_EntraToken_ForTheAudience_Accepted_AnyOtherRefused()
    {
        using var tenantKey = RSA.Create(2048);
        using var otherKey = RSA.Create(2048);
        var keys = new EntraTenant(tenantKey);
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future,
            services => services.AddHttpClient("entra").ConfigurePrimaryHttpMessageHandler(() => keys),
            new Dictionary<string, string?>
            {
                ["ECourt:Service:EventGrid:TenantId"] = EntraTenant.Tenant,
                ["ECourt:Service:EventGrid:Audience"] = Audience,
                ["ECourt:Service:EventGrid:Instance"] = EntraTenant.Instance,
            });
        Task<TestResponse> Post(string token) => host.SendAsync("POST", "/api/events/communication", null, Encoding.UTF8.GetBytes(Handshake), "application/json",
            new Dictionary<string, string> { ["Authorization"] = "Bearer " + token });

        var ok = await Post(Token(tenantKey));
        Assert.Equal(200, ok.Status);
        Assert.Equal("code-1", ok.Json.GetProperty("validationResponse").GetString());
        Assert.Equal(401, (await Post(Token(tenantKey, audience: "api://someone-else"))).Status);
        Assert.Equal(401, (await Post(Token(tenantKey, issuer: "https://login.microsoftonline.com/another-tenant/v2.0"))).Status);
        Assert.Equal(401, (await Post(Token(tenantKey, expires: DateTimeOffset.UtcNow.AddMinutes(-6)))).Status);
        Assert.Equal(401, (await Post(Token(otherKey))).Status);
        Assert.Equal(401, (await Post(Token(otherKey, kid: "unknown-key"))).Status);
        Assert.Equal(401, (await Post("not-a-token")).Status);
        // Keys are cached: an unknown key id fetches them again at most every few minutes.
        Assert.Equal(1, keys.Fetches);
    }
}
