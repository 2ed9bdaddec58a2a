using System.Security.Cryptography;
using ECourt.Adapters.Identity;

namespace ECourt.Integration.Tests;

/// <summary>
/// The tenant's signing keys as the validator keeps them, on a real-time clock the test moves: fetched again at least
/// every 12 hours and on an unknown key id at most every 5 minutes; a failed fetch keeps the last good keys; a key the
/// tenant no longer publishes stops being trusted.
/// </summary>
public class EntraSigningKeyTests
{
    private const string Audience = "api://ecourt-api";

    private static readonly Dictionary<string, object> User =
        new() { ["oid"] = "user-oid-1", ["scp"] = "access_as_user", ["roles"] = new[] { "party" } };

    private sealed class Tenant : IDisposable
    {
        public RSA First { get; } = RSA.Create(2048);

        public RSA Second { get; } = RSA.Create(2048);

        public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

        public EntraTenant Entra { get; }

        public EntraTokenValidator Validator { get; }

        public Tenant()
        {
            Entra = new EntraTenant(First);
            var options = new EntraTokenOptions { TenantId = EntraTenant.Tenant, Instance = EntraTenant.Instance, Audience = Audience };
            Validator = new EntraTokenValidator(new HttpClient(Entra), options, new UserAccessToken(UserAccessToken.DefaultScope), Clock);
        }

        /// <summary>A user's token for the API signed by <paramref name="key"/> as <paramref name="kid"/>, valid on the clock.</summary>
        public Task<EntraTokenValidator.Result> ValidateAsync(RSA key, string kid) =>
            Validator.ValidateAsync(EntraTenant.Token(key, Audience, kid: kid, expires: Clock.GetUtcNow().AddHours(1),
                claims: User));

        public void Move(TimeSpan by) => Clock.SetUtcNow(Clock.GetUtcNow() + by);

        public void Dispose()
        {
            First.Dispose();
            Second.Dispose();
        }
    }

    [Fact]
    public async Task KeyRemovedByTheTenant_NotTrustedOnceTheKeysAreTwelveHoursOld()
    {
        using var t = new Tenant();
        Assert.True((await t.ValidateAsync(t.First, "key-1")).Valid);
        t.Entra.Publish("key-2", t.Second);
        t.Entra.Remove("key-1");

        t.Move(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(1));
        await t.ValidateAsync(t.First, "key-1");
        Assert.Equal(1, t.Entra.Fetches);

        t.Move(TimeSpan.FromSeconds(1));
        var removed = await t.ValidateAsync(t.First, "key-1");
        Assert.False(removed.Valid);
        Assert.Contains("key-1", removed.Reason);
        Assert.Equal(2, t.Entra.Fetches);
        Assert.True((await t.ValidateAsync(t.Second, "key-2")).Valid);
        Assert.Equal(2, t.Entra.Fetches);
    }

    [Fact]
    public async Task UnknownKeyId_FetchesTheKeysAgain_AtMostEveryFiveMinutes()
    {
        using var t = new Tenant();
        Assert.True((await t.ValidateAsync(t.First, "key-1")).Valid);
        t.Entra.Publish("key-2", t.Second);

        t.Move(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 3; i++) Assert.False((await t.ValidateAsync(t.Second, "key-2")).Valid);
        Assert.Equal(1, t.Entra.Fetches);

        t.Move(TimeSpan.FromMinutes(4));
        Assert.True((await t.ValidateAsync(t.Second, "key-2")).Valid);
        Assert.True((await t.ValidateAsync(t.First, "key-1")).Valid);
        Assert.Equal(2, t.Entra.Fetches);
    }

    [Fact]
    public async Task FailedFetch_KeepsTheLastGoodKeys_AndTriesAgainAfterFiveMinutes()
    {
        using var t = new Tenant();
        Assert.True((await t.ValidateAsync(t.First, "key-1")).Valid);
        t.Entra.Failing = true;

        t.Move(TimeSpan.FromHours(12));
        Assert.True((await t.ValidateAsync(t.First, "key-1")).Valid);
        Assert.Equal(2, t.Entra.Fetches);
        // Neither the stale keys nor an unknown key id make it ask the failing tenant again within 5 minutes.
        Assert.True((await t.ValidateAsync(t.First, "key-1")).Valid);
        Assert.False((await t.ValidateAsync(t.Second, "key-2")).Valid);
        Assert.Equal(2, t.Entra.Fetches);

        t.Move(TimeSpan.FromMinutes(5));
        Assert.False((await t.ValidateAsync(t.Second, "key-2")).Valid);
        Assert.Equal(3, t.Entra.Fetches);

        t.Entra.Failing = false;
        t.Entra.Publish("key-2", t.Second);
        t.Move(TimeSpan.FromMinutes(5));
        Assert.True((await t.ValidateAsync(t.Second, "key-2")).Valid);
        Assert.Equal(4, t.Entra.Fetches);
    }

    [Fact]
    public async Task NoKeysYet_AndTheTenantFails_Throws_SoTheRequestFailsAndIsRetried()
    {
        using var t = new Tenant();
        t.Entra.Failing = true;
        await Assert.ThrowsAsync<HttpRequestException>(() => t.ValidateAsync(t.First, "key-1"));
        t.Entra.Failing = false;
        // Without good keys it does not wait 5 minutes to try again.
        Assert.True((await t.ValidateAsync(t.First, "key-1")).Valid);
        Assert.Equal(2, t.Entra.Fetches);
    }
}
