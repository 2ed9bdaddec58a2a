using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// Event Grid delivering with Microsoft Entra authentication: the webhook accepts only Event Grid's own token, app-only,
/// from the deployment's tenant, issued to Event Grid's application (azp, or appid in v1.0 tokens), for the webhook's
/// audience, with the AzureEventGridSecureWebhookSubscriber role; checked against the tenant's published keys (served
/// here from a local RSA key in the OpenID Connect metadata format). Any other token is refused.
/// </summary>
public class EntraWebhookTests
{
    private const string Audience = "api://ecourt-webhook";
    private const string EventGridApp = "4962773b-9cdb-44cf-a8bf-237846a00ab7";
    private const string Role = "AzureEventGridSecureWebhookSubscriber";

    /// <summary>The claims of Event Grid's delivery token (v2.0: azp; v1.0: appid), with any changed or removed (null).</summary>
    private static Dictionary<string, object> EventGrid(bool v1 = false, params (string Name, object? Value)[] changes)
    {
        var claims = new Dictionary<string, object>
        {
            [v1 ? "appid" : "azp"] = EventGridApp,
            ["oid"] = "8d3a1b3c-0e2f-4f6a-9b7c-5d4e3f2a1b0c",
            ["roles"] = new[] { Role },
        };
        if (!v1) claims["idtyp"] = "app";
        foreach (var (name, value) in changes)
            if (value is null) claims.Remove(name);
            else claims[name] = value;
        return claims;
    }

    private static string Token(RSA key, IDictionary<string, object>? claims = null, string audience = Audience,
        string issuer = EntraTenant.Issuer, DateTimeOffset? expires = null, string kid = "key-1", DateTimeOffset? notBefore = null) =>
        EntraTenant.Token(key, audience, issuer, expires, kid, claims ?? EventGrid(), notBefore: notBefore);

    private const string Handshake = """
        [{"id":"1","topic":"/x","subject":"","data":{"validationCode":"code-1"},"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent",
          "eventTime":"2098-11-27T02:00:00Z","metadataVersion":"1","dataVersion":"2"}]
        """;

    private static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = "Bearer " + token };

    private static Task<TestResponse> PostAsync(CourtTestHost host, string token) =>
        host.SendAsync("POST", "/api/events/communication", null, Encoding.UTF8.GetBytes(Handshake), "application/json", Bearer(token));

    [Fact]
    public async Task Webhook_EventGridsToken_Accepted_AnyOtherRefused()
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
        Task<TestResponse> Post(string token) => PostAsync(host, token);

        var ok = await Post(Token(tenantKey));
        Assert.True(ok.Status == 200, ok.ToString());
        Assert.Equal("code-1", ok.Json.GetProperty("validationResponse").GetString());
        var v1 = Token(tenantKey, EventGrid(v1: true), issuer: $"https://sts.windows.net/{EntraTenant.Tenant}/");
        Assert.Equal(200, (await Post(v1)).Status);

        foreach (var refused in new[]
        {
            Token(tenantKey, audience: "api://someone-else"),
            Token(tenantKey, issuer: "https://login.microsoftonline.com/another-tenant/v2.0"),
            Token(tenantKey, EventGrid(changes: ("tid", "0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e"))),
            Token(tenantKey, expires: DateTimeOffset.UtcNow.AddMinutes(-6)),
            Token(tenantKey, notBefore: DateTimeOffset.UtcNow.AddMinutes(6)),
            Token(otherKey),
            Token(otherKey, kid: "unknown-key"),
            "not-a-token",
            // Without the role, or from another application that holds it (the subscription's writer holds it too).
            Token(tenantKey, EventGrid(changes: ("roles", null))),
            Token(tenantKey, EventGrid(changes: ("azp", "0f5e6a3b-1c2d-4e5f-8a9b-0c1d2e3f4a5b"))),
            Token(tenantKey, EventGrid(v1: true, ("appid", "0f5e6a3b-1c2d-4e5f-8a9b-0c1d2e3f4a5b"))),
            Token(tenantKey, EventGrid(changes: ("azp", null))),
            // A user's token (delegated: scp) is not a delivery, whoever it names as its client.
            Token(tenantKey, EventGrid(changes: [("idtyp", null), ("scp", "user_impersonation")])),
        })
        {
            var answer = await Post(refused);
            Assert.True(answer.Status == 401, $"{answer} for {refused}");
        }
        // Keys are cached: an unknown key id fetches them again at most every few minutes.
        Assert.Equal(1, keys.Fetches);
    }

    [Fact]
    public async Task Webhook_EventGridsApplicationIdIsASetting_TenantTheDeployments_AndItsTokenOpensNoApiRoute()
    {
        const string sovereignEventGrid = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
        using var tenantKey = RSA.Create(2048);
        var keys = new EntraTenant(tenantKey);
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future,
            services => services.AddHttpClient("entra").ConfigurePrimaryHttpMessageHandler(() => keys),
            new Dictionary<string, string?>
            {
                // The tenant and sign-in endpoint are the API's, unless Event Grid's section names others.
                ["ECourt:Identity:TenantId"] = EntraTenant.Tenant,
                ["ECourt:Identity:Instance"] = EntraTenant.Instance,
                ["ECourt:Identity:Audience"] = Audience,
                ["ECourt:Service:EventGrid:Audience"] = Audience,
                ["ECourt:Service:EventGrid:ApplicationId"] = sovereignEventGrid,
            });

        var delivery = Token(tenantKey, EventGrid(changes: ("azp", sovereignEventGrid)));
        Assert.Equal(200, (await PostAsync(host, delivery)).Status);
        Assert.Equal(401, (await PostAsync(host, Token(tenantKey))).Status);
        // The same audience, but the API takes users' tokens only.
        var api = await host.SendAsync("GET", "/api/cases", null, headers: Bearer(delivery));
        Assert.True(api.Status == 401, api.ToString());
    }
}
