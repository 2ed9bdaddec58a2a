using System.Security.Cryptography;
using ECourt.Adapters.Identity;
using ECourt.Functions.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// Callers identified by Microsoft Entra access tokens the app validates itself (signature against the tenant's
/// published keys, issuer, audience, lifetime), with user id, app roles and court taken from the token or the court's
/// settings; the X-MS-CLIENT-PRINCIPAL header believed only where App Service Authentication is on, or in the local host.
/// </summary>
public class IdentityTests
{
    private const string Audience = "api://ecourt-api";
    private const string ClientId = "0f5e6a3b-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

    /// <summary>A host as in Azure: no development identity provider; App Service Authentication as given.</summary>
    private static Task<CourtTestHost> AzureLikeHostAsync(EntraTenant tenant, bool appServiceAuthentication = false,
        IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(more ?? new Dictionary<string, string?>())
        {
            ["ECourt:Identity:TenantId"] = EntraTenant.Tenant,
            ["ECourt:Identity:Instance"] = EntraTenant.Instance,
            ["ECourt:Identity:Audiences:0"] = Audience,
            ["ECourt:Identity:Audiences:1"] = ClientId,
            ["ECourt:Identity:StaffCourts:clerk-oid-2"] = "黑0102",
            ["WEBSITE_AUTH_ENABLED"] = appServiceAuthentication ? "True" : null,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return CourtTestHost.StartAsync(CourtTestHost.Future, services =>
        {
            services.AddHttpClient("entra").ConfigurePrimaryHttpMessageHandler(() => tenant);
            services.AddSingleton(ClientPrincipalTrust.From(configuration));
        }, settings);
    }

    private static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = "Bearer " + token };

    /// <summary>A user's access token for the API, as the portal gets it: delegated, with the API's scope.</summary>
    private static Dictionary<string, object> Claims(string oid, params string[] roles) =>
        new() { ["oid"] = oid, ["name"] = oid, ["roles"] = roles, ["scp"] = "access_as_user" };

    private static Dictionary<string, object> Without(Dictionary<string, object> claims, string name,
        params (string Name, object Value)[] more)
    {
        var changed = new Dictionary<string, object>(claims);
        changed.Remove(name);
        foreach (var (n, v) in more) changed[n] = v;
        return changed;
    }

    private static void AssertInvalidToken(TestResponse refused, string why)
    {
        Assert.True(refused.Status == 401, refused.ToString());
        Assert.Equal("urn:ecourt:problem:invalid-token", refused.Json.GetProperty("type").GetString());
        Assert.Contains(why, refused.Json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task BearerToken_Valid_IdentifiesTheCaller_AnythingElse401WithProblemDetails()
    {
        using var key = RSA.Create(2048);
        using var otherKey = RSA.Create(2048);
        await using var host = await AzureLikeHostAsync(new EntraTenant(key));
        Task<TestResponse> Get(string token) => host.SendAsync("GET", "/api/cases", null, headers: Bearer(token));

        var ok = await Get(EntraTenant.Token(key, Audience, claims: Claims("user-oid-1", "party")));
        Assert.True(ok.Status == 200, ok.ToString());
        // v2.0 tokens carry the client id as their audience: accepted too.
        Assert.Equal(200, (await Get(EntraTenant.Token(key, ClientId, claims: Claims("user-oid-1", "party")))).Status);

        foreach (var bad in new[]
        {
            EntraTenant.Token(key, "api://someone-else", claims: Claims("user-oid-1", "party")),
            EntraTenant.Token(key, Audience, issuer: "https://login.microsoftonline.com/another-tenant/v2.0",
                claims: Claims("user-oid-1", "party")),
            EntraTenant.Token(key, Audience, expires: DateTimeOffset.UtcNow.AddMinutes(-6), claims: Claims("user-oid-1", "party")),
            EntraTenant.Token(otherKey, Audience, claims: Claims("user-oid-1", "party")),
            EntraTenant.Token(key, Audience, alg: "none", claims: Claims("user-oid-1", "party")),
            "not-a-token",
        })
        {
            var refused = await Get(bad);
            Assert.True(refused.Status == 401, refused.ToString());
            Assert.StartsWith("application/problem+json", refused.ContentType);
            Assert.Equal("urn:ecourt:problem:invalid-token", refused.Json.GetProperty("type").GetString());
            Assert.Contains("invalid_token", refused.Headers.WWWAuthenticate.ToString());
        }
        var none = await host.GetAsync("/api/cases", null);
        Assert.Equal(401, none.Status);
        Assert.Equal("urn:ecourt:problem:unauthenticated", none.Json.GetProperty("type").GetString());
    }

    [Fact]
    public async Task BearerToken_OnlyAUsersAccessTokenForThisApisScope_IdTokenAppOnlyOrWithoutTheScope401()
    {
        using var key = RSA.Create(2048);
        await using var host = await AzureLikeHostAsync(new EntraTenant(key));
        Task<TestResponse> Get(string token) => host.SendAsync("GET", "/api/cases", null, headers: Bearer(token));
        var clerk = new Dictionary<string, object>(Claims("clerk-oid-1", "clerk")) { ["court"] = "黑01" };

        // An ID token: for the client id too, and it carries the user's app roles, but no scope: it proves no access was granted.
        AssertInvalidToken(await Get(EntraTenant.Token(key, ClientId, claims: Without(clerk, "scp"))), "scp");
        // An access token for this API, but for another of its scopes.
        AssertInvalidToken(await Get(EntraTenant.Token(key, Audience, claims: Without(clerk, "scp", ("scp", "Files.Read")))),
            "access_as_user");
        // An application's own token (client credentials): v2.0 says so in idtyp; v1.0 only by having no scp.
        var app = Without(clerk, "scp", ("idtyp", "app"), ("roles", new[] { "admin" }));
        AssertInvalidToken(await Get(EntraTenant.Token(key, Audience, claims: app)), "application");
        AssertInvalidToken(await Get(EntraTenant.Token(key, Audience, issuer: $"https://sts.windows.net/{EntraTenant.Tenant}/",
            claims: Without(app, "idtyp"))), "scp");
        // Not valid yet (beyond the 5 minutes of clock skew).
        AssertInvalidToken(await Get(EntraTenant.Token(key, Audience, notBefore: DateTimeOffset.UtcNow.AddMinutes(6), claims: clerk)),
            "not valid yet");

        // The scope among others is enough.
        var ok = await Get(EntraTenant.Token(key, Audience, claims: Without(clerk, "scp", ("scp", "Files.Read access_as_user"))));
        Assert.True(ok.Status == 200, ok.ToString());
    }

    [Fact]
    public async Task BearerToken_TheScopeIsASetting()
    {
        using var key = RSA.Create(2048);
        var scope = new Dictionary<string, string?> { ["ECourt:Identity:Scope"] = "court.use" };
        await using var host = await AzureLikeHostAsync(new EntraTenant(key), more: scope);
        Task<TestResponse> Get(string scope) => host.SendAsync("GET", "/api/cases", null,
            headers: Bearer(EntraTenant.Token(key, Audience, claims: Without(Claims("user-oid-1", "party"), "scp", ("scp", scope)))));
        Assert.Equal(200, (await Get("court.use")).Status);
        AssertInvalidToken(await Get("access_as_user"), "court.use");
    }

    [Fact]
    public async Task BearerToken_RolesFromTheToken_CourtFromTheTenantsClaimOrTheSettings_NeverFromTheCaller()
    {
        using var key = RSA.Create(2048);
        await using var host = await AzureLikeHostAsync(new EntraTenant(key));
        var clerk = EntraTenant.Token(key, Audience, claims: Court(Claims("clerk-oid-1", "clerk"), "黑01"));
        var party = EntraTenant.Token(key, Audience, claims: Claims("user-oid-1", "party"));
        // A party's token does not open a clerk's route; a clerk's does.
        Assert.Equal(403, (await host.SendAsync("GET", "/api/review-queue", null, headers: Bearer(party))).Status);
        Assert.Equal(200, (await host.SendAsync("GET", "/api/review-queue", null, headers: Bearer(clerk))).Status);

        // A filing of the default court (黑01): its clerk is the one the tenant or the settings place there.
        var body = Filings.Property("user-oid-1");
        var created = await host.PostJsonAsync("/api/cases", null, body, Bearer(party));
        Assert.True(created.Status == 201, created.ToString());
        var caseId = created.Json.GetProperty("caseId").GetString()!;
        var tenantSaysDaoli = EntraTenant.Token(key, Audience, claims: Court(Claims("clerk-oid-3", "clerk"), "黑0102"));
        var settingsSayDaoli = EntraTenant.Token(key, Audience, claims: Claims("clerk-oid-2", "clerk"));
        Assert.Equal(404, (await host.SendAsync("GET", $"/api/cases/{caseId}", null, headers: Bearer(tenantSaysDaoli))).Status);
        Assert.Equal(404, (await host.SendAsync("GET", $"/api/cases/{caseId}", null, headers: Bearer(settingsSayDaoli))).Status);
        Assert.Equal(200, (await host.SendAsync("GET", $"/api/cases/{caseId}", null, headers: Bearer(clerk))).Status);

        // A clerk whom neither the tenant nor the settings place in a court is refused, not given the default court.
        var nowhere = EntraTenant.Token(key, Audience, claims: Claims("clerk-oid-4", "clerk"));
        AssertStaffCourtUnknown(await host.SendAsync("GET", "/api/cases", null, headers: Bearer(nowhere)), "clerk-oid-4");
        AssertStaffCourtUnknown(await host.SendAsync("GET", $"/api/cases/{caseId}", null, headers: Bearer(nowhere)), "clerk-oid-4");
    }

    [Fact]
    public async Task ClientPrincipal_StaffWithoutACourt_Refused_CourtFromTheClaimOrTheSettings_PartiesNeedNone()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future,
            settings: new Dictionary<string, string?> { ["ECourt:Identity:StaffCourts:clerk-zhou"] = "黑0102" });
        var caseId = await host.CreateAsync("user-liu");
        Assert.Equal(200, (await host.GetAsync("/api/cases", CourtTestHost.Principal("user-liu", "party"))).Status);
        Assert.Equal(200, (await host.GetAsync($"/api/cases/{caseId}", CourtTestHost.Staff("judge-zhao", "judge", "黑01"))).Status);
        // The settings place clerk-zhou in 黑0102, whatever court the deployment defaults to.
        Assert.Equal(404, (await host.GetAsync($"/api/cases/{caseId}", ClientPrincipal.Encode("clerk-zhou", ["clerk"]))).Status);

        foreach (var roles in new[] { new[] { "clerk" }, new[] { "party", "clerk" } })
        {
            var nowhere = ClientPrincipal.Encode("clerk-li", roles);
            AssertStaffCourtUnknown(await host.GetAsync("/api/cases", nowhere), "clerk-li");
            AssertStaffCourtUnknown(await host.GetAsync("/api/review-queue", nowhere), "clerk-li");
            // A public route that answers signed-in callers more refuses them too, rather than guess who they are.
            AssertStaffCourtUnknown(await host.GetAsync("/api/service-certificates/sc-unknown/verify", nowhere), "clerk-li");
        }
    }

    private static Dictionary<string, object> Court(Dictionary<string, object> claims, string court) =>
        new(claims) { ["court"] = court };

    private static void AssertStaffCourtUnknown(TestResponse refused, string userId)
    {
        Assert.True(refused.Status == 403, refused.ToString());
        Assert.StartsWith("application/problem+json", refused.ContentType);
        Assert.Equal("urn:ecourt:problem:staff-court-unknown", refused.Json.GetProperty("type").GetString());
        var detail = refused.Json.GetProperty("detail").GetString()!;
        Assert.Contains("court", detail);
        Assert.Contains("ECourt:Identity:StaffCourts", detail);
        Assert.Contains(userId, detail);
    }

    [Fact]
    public async Task ForgedClientPrincipal_RefusedWhereAppServiceAuthenticationIsOff_BelievedWhereItIsOn()
    {
        using var key = RSA.Create(2048);
        // Anyone can base64 a judge of 黑01.
        var forged = ClientPrincipal.Encode("x", ["judge"], "黑01");
        await using (var off = await AzureLikeHostAsync(new EntraTenant(key)))
        {
            var refused = await off.GetAsync("/api/cases", forged);
            Assert.Equal(401, refused.Status);
            Assert.Equal("urn:ecourt:problem:unauthenticated", refused.Json.GetProperty("type").GetString());
        }
        // With App Service Authentication on, the platform strips the header from clients and sets it itself.
        await using var on = await AzureLikeHostAsync(new EntraTenant(key), appServiceAuthentication: true);
        Assert.Equal(200, (await on.GetAsync("/api/cases", forged)).Status);
    }

    [Fact]
    public async Task LocalHost_DevelopmentIdentityProvider_HeaderStillWorks()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        Assert.Equal(200, (await host.GetAsync("/api/cases", CourtTestHost.Principal("user-liu", "party"))).Status);
        Assert.True(host.Services.GetRequiredService<ClientPrincipalTrust>().Trusted);
    }
}
