using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ECourt.Adapters.Identity;

/// <summary>Which Microsoft Entra tokens are accepted: issued by the tenant, for one of the expected audiences.</summary>
public sealed class EntraTokenOptions
{
    public string? TenantId { get; set; }

    /// <summary>The audience tokens are asked for: the app registration's client id or its application id URI.</summary>
    public string? Audience { get; set; }

    /// <summary>More accepted audiences (v2.0 tokens carry the client id, v1.0 tokens the application id URI).</summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>Accepted issuers; when none are set, the tenant's v2.0 and v1.0 issuers.</summary>
    public List<string> Issuers { get; set; } = [];

    public string Instance { get; set; } = "https://login.microsoftonline.com";

    public bool Configured => !string.IsNullOrEmpty(TenantId) && AcceptedAudiences.Any();

    public IEnumerable<string> AcceptedAudiences => Audiences.Prepend(Audience ?? "").Where(a => a.Length > 0);

    public IEnumerable<string> AcceptedIssuers => Issuers.Count > 0
        ? Issuers
        : [$"{Instance.TrimEnd('/')}/{TenantId}/v2.0", $"https://sts.windows.net/{TenantId}/"];
}

/// <summary>
/// Checks a bearer token Microsoft Entra issued (RS256 JWT): the signature against the tenant's published
/// signing keys, the issuer, the audience, the lifetime with 5 minutes of clock skew, and that it is of the
/// <paramref name="kind"/> this use accepts, and answers its claims.
/// The keys (OpenID Connect metadata, then its jwks_uri) are fetched again once they are 12 hours old, and for an
/// unknown key id at most every 5 minutes; a fetch that fails keeps the last good keys, and each fetch replaces them,
/// so a key the tenant removed stops being trusted. Times are real time (<paramref name="realTime"/>), never court
/// time, which the local host can move.
/// </summary>
public sealed class EntraTokenValidator(
    HttpClient http, EntraTokenOptions options, TokenKind kind, TimeProvider realTime, ILogger? log = null)
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    /// <summary>Keys older than this are fetched again before they are used: a removed key is trusted at most this long.</summary>
    public static readonly TimeSpan KeysMaxAge = TimeSpan.FromHours(12);

    /// <summary>The least time between two fetches while good keys are held (an unknown key id, a tenant that fails).</summary>
    public static readonly TimeSpan MinRefresh = TimeSpan.FromMinutes(5);

    private sealed record SigningKeys(Dictionary<string, RSAParameters> Keys, DateTimeOffset FetchedAt);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SigningKeys? _keys;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;

    /// <param name="Claims">the token's payload when it is valid</param>
    public sealed record Result(bool Valid, string? Reason, JsonElement? Claims = null);

    public EntraTokenOptions Options => options;

    public async Task<Result> ValidateAsync(string? token, CancellationToken ct = default)
    {
        if (!options.Configured) return new(false, "Microsoft Entra authentication is not configured.");
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 3) return new(false, "Not a JWT.");
        JsonElement header, payload;
        byte[] signature;
        try
        {
            header = JsonDocument.Parse(FromBase64Url(parts[0])).RootElement;
            payload = JsonDocument.Parse(FromBase64Url(parts[1])).RootElement;
            signature = FromBase64Url(parts[2]);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return new(false, "The token cannot be read.");
        }
        if (header.ValueKind != JsonValueKind.Object || payload.ValueKind != JsonValueKind.Object)
            return new(false, "The token cannot be read.");
        if (String(header, "alg") != "RS256") return new(false, "Only RS256 tokens are accepted.");
        if (String(header, "kid") is not { } kid) return new(false, "The token names no key.");
        if (await KeyAsync(kid, ct) is not { } key) return new(false, $"Key {kid} is not one of the tenant's signing keys.");
        using (var rsa = RSA.Create(key))
        {
            var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            if (!rsa.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
                return new(false, "The signature does not verify.");
        }
        var issuer = String(payload, "iss");
        if (issuer is null || !options.AcceptedIssuers.Contains(issuer, StringComparer.Ordinal))
            return new(false, "The token is not from an accepted issuer.");
        if (!Audiences(payload).Any(a => a is not null && options.AcceptedAudiences.Contains(a, StringComparer.Ordinal)))
            return new(false, "The token is not for this audience.");
        var now = realTime.GetUtcNow();
        if (Time(payload, "exp") is not { } expires || expires + Skew < now) return new(false, "The token has expired.");
        if (payload.TryGetProperty("nbf", out _) && (Time(payload, "nbf") is not { } notBefore || notBefore - Skew > now))
            return new(false, "The token is not valid yet.");
        if (kind.Refusal(payload) is { } refusal) return new(false, refusal);
        return new(true, null, payload.Clone());
    }

    private static string? String(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateTimeOffset? Time(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var seconds)
            && seconds is >= 0 and <= 253_402_300_799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static IEnumerable<string?> Audiences(JsonElement payload) =>
        !payload.TryGetProperty("aud", out var aud) ? []
        : aud.ValueKind == JsonValueKind.Array
            ? aud.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString())
        : aud.ValueKind == JsonValueKind.String ? [aud.GetString()] : [];

    private async Task<RSAParameters?> KeyAsync(string kid, CancellationToken ct)
    {
        var held = _keys;
        if (held is not null && realTime.GetUtcNow() - held.FetchedAt < KeysMaxAge && held.Keys.TryGetValue(kid, out var key))
            return key;
        await _gate.WaitAsync(ct);
        try
        {
            held = _keys;
            var now = realTime.GetUtcNow();
            var wanted = held is null || now - held.FetchedAt >= KeysMaxAge || !held.Keys.ContainsKey(kid);
            // Without good keys every token waits on the fetch, so it is tried at once; a failure then fails the request.
            if (wanted && (held is null || now - _lastAttempt >= MinRefresh))
            {
                try
                {
                    held = _keys = new SigningKeys(await FetchKeysAsync(ct), now);
                    _lastAttempt = now;
                }
                catch (Exception ex) when (held is not null && !ct.IsCancellationRequested)
                {
                    _lastAttempt = now;
                    log?.LogWarning(ex, "The tenant's signing keys could not be fetched; those fetched at {FetchedAt} stay in use",
                        held.FetchedAt);
                }
            }
            return held!.Keys.TryGetValue(kid, out key) ? key : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Dictionary<string, RSAParameters>> FetchKeysAsync(CancellationToken ct)
    {
        var metadataUrl = $"{options.Instance.TrimEnd('/')}/{options.TenantId}/v2.0/.well-known/openid-configuration";
        using var metadata = JsonDocument.Parse(await http.GetStringAsync(metadataUrl, ct));
        var jwksUri = metadata.RootElement.GetProperty("jwks_uri").GetString()
            ?? throw new InvalidOperationException("No jwks_uri in the metadata.");
        using var jwks = JsonDocument.Parse(await http.GetStringAsync(jwksUri, ct));
        var keys = new Dictionary<string, RSAParameters>(StringComparer.Ordinal);
        foreach (var k in jwks.RootElement.GetProperty("keys").EnumerateArray())
        {
            if (String(k, "kty") == "RSA" && String(k, "kid") is { } kid)
                keys[kid] = new RSAParameters
                {
                    Modulus = FromBase64Url(k.GetProperty("n").GetString()!),
                    Exponent = FromBase64Url(k.GetProperty("e").GetString()!),
                };
        }
        // A tenant always publishes signing keys: an empty set is a broken answer, not a reason to trust nothing.
        return keys.Count > 0 ? keys : throw new InvalidOperationException("The tenant published no RSA signing keys.");
    }

    public static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
