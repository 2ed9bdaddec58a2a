using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ECourt.Adapters.Identity;

/// <summary>
/// Reads the X-MS-CLIENT-PRINCIPAL header that App Service Authentication sends: base64 of
/// {"auth_typ","name_typ","role_typ","claims":[{"typ","val"}]}. The caller's id is the object
/// identifier claim (else "sub"), the roles are the role claims, and a staff member's court is the
/// "court" claim, if any (where it is absent, the caller's identity decides).
/// </summary>
public static class ClientPrincipal
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";
    public const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    private sealed record Claim([property: JsonPropertyName("typ")] string? Type, [property: JsonPropertyName("val")] string? Value);

    private sealed record Principal(
        [property: JsonPropertyName("auth_typ")] string? AuthType,
        [property: JsonPropertyName("name_typ")] string? NameType,
        [property: JsonPropertyName("role_typ")] string? RoleType,
        [property: JsonPropertyName("claims")] List<Claim>? Claims);

    /// <summary>The caller, or null when the header is absent, unreadable or names no one.</summary>
    public static SignedInClaims? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > 16_384) return null;
        Principal? principal;
        try
        {
            principal = JsonSerializer.Deserialize<Principal>(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
        }
        catch (Exception ex) when (ex is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
        var claims = principal?.Claims?.Where(c => c.Type is not null && c.Value is not null).ToList() ?? [];
        string? First(string type) => claims.FirstOrDefault(c => c.Type == type)?.Value;

        var id = First(ObjectIdClaim) ?? First("sub");
        if (string.IsNullOrWhiteSpace(id)) return null;
        var roleType = string.IsNullOrEmpty(principal!.RoleType) ? "roles" : principal.RoleType;
        var roles = claims.Where(c => c.Type == roleType || c.Type == "roles").Select(c => c.Value!).ToHashSet(StringComparer.Ordinal);
        var name = First(principal.NameType ?? "name") ?? First("name") ?? id;
        return new SignedInClaims(id, name, roles, First("court"))
        {
            VerifiedIdNumber = First(VerifiedIdNumberClaim),
            VerifiedName = First(VerifiedNameClaim),
            VerifiedCreditCode = First(VerifiedCreditCodeClaim),
            VerifiedOrganisationName = First(VerifiedOrganisationNameClaim),
            Verification = Verification(First(VerificationMethodClaim), First(VerifiedAtClaim), First(VerificationResultClaim)),
        };
    }

    /// <summary>
    /// An identity verification as claims report it: its method, its time (ISO 8601 with offset, or Unix seconds) and its result
    /// (passed or failed); none without a method and a readable time.
    /// </summary>
    public static ReportedVerification? Verification(string? method, string? at, string? result)
    {
        if (string.IsNullOrWhiteSpace(method) || string.IsNullOrWhiteSpace(at)) return null;
        DateTimeOffset when;
        if (long.TryParse(at, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            when = DateTimeOffset.FromUnixTimeSeconds(seconds);
        else if (!DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out when)) return null;
        return new ReportedVerification(method.Trim(), when, string.Equals(result, "passed", StringComparison.Ordinal));
    }

    /// <summary>Builds the header value for a caller, as App Service Authentication would (local host and tests).</summary>
    /// <summary>
    /// The claims the local sign-in sets for a verified identity (a tenant names its own: ECourt:Identity:Verified…Claim).
    /// </summary>
    public const string VerifiedIdNumberClaim = "verified_id_number";
    public const string VerifiedNameClaim = "verified_name";
    public const string VerifiedCreditCodeClaim = "verified_credit_code";
    public const string VerifiedOrganisationNameClaim = "verified_organisation_name";

    /// <summary>The claims an identity platform's verification sets (a tenant names its own: ECourt:Identity:Verification…).</summary>
    public const string VerificationMethodClaim = "identity_verification_method";
    public const string VerifiedAtClaim = "identity_verified_at";
    public const string VerificationResultClaim = "identity_verification_result";

    public static string Encode(string userId, IEnumerable<string> roles, string? court = null, string? name = null,
        string? verifiedIdNumber = null, string? verifiedCreditCode = null, string? verifiedName = null,
        string? verifiedOrganisationName = null, ReportedVerification? verification = null)
    {
        var claims = new List<Claim> { new(ObjectIdClaim, userId), new("name", name ?? userId) };
        claims.AddRange(roles.Select(r => new Claim("roles", r)));
        if (court is not null) claims.Add(new Claim("court", court));
        if (verifiedIdNumber is not null) claims.Add(new Claim(VerifiedIdNumberClaim, verifiedIdNumber));
        if (verifiedCreditCode is not null) claims.Add(new Claim(VerifiedCreditCodeClaim, verifiedCreditCode));
        if (verifiedName is not null) claims.Add(new Claim(VerifiedNameClaim, verifiedName));
        if (verifiedOrganisationName is not null) claims.Add(new Claim(VerifiedOrganisationNameClaim, verifiedOrganisationName));
        if (verification is not null)
        {
            claims.Add(new Claim(VerificationMethodClaim, verification.Method));
            claims.Add(new Claim(VerifiedAtClaim,
                verification.VerifiedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
            claims.Add(new Claim(VerificationResultClaim, verification.Passed ? "passed" : "failed"));
        }
        var json = JsonSerializer.Serialize(new Principal("aad", "name", "roles", claims));
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }
}

/// <summary>
/// What an identity provider says of a signed-in caller (a token, or App Service Authentication's header): the user's id
/// and name, the app roles, and the court claim where the tenant issues one. The caller's court is decided from it.
/// </summary>
public sealed record SignedInClaims(string Id, string Name, IReadOnlySet<string> Roles, string? Court)
{
    /// <summary>The person's resident id number, as the identity provider verified it (a real-name claim), if it issues one.</summary>
    public string? VerifiedIdNumber { get; init; }

    /// <summary>The person's name, as real-name verification gave it with the id number.</summary>
    public string? VerifiedName { get; init; }

    /// <summary>The unified social credit code of the organisation the account acts for, as the identity provider verified it.</summary>
    public string? VerifiedCreditCode { get; init; }

    /// <summary>The name of the organisation the account acts for, as verified with its credit code.</summary>
    public string? VerifiedOrganisationName { get; init; }

    /// <summary>The identity verification the provider last made of the caller (method, time, result), if it reports one.</summary>
    public ReportedVerification? Verification { get; init; }
}

/// <summary>
/// An identity verification an identity provider reports of a signed-in caller (a face or identity platform outside ECourt): how,
/// when, and whether it passed.
/// </summary>
public sealed record ReportedVerification(string Method, DateTimeOffset VerifiedAt, bool Passed);
