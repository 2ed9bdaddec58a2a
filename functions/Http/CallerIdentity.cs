using System.Text.Json;
using ECourt.Adapters.Identity;
using ECourt.Application.Assignment;
using ECourt.Domain.Access;
using ECourt.Domain.Courts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace ECourt.Functions.Http;

/// <summary>
/// Settings of caller identity (section ECourt:Identity): the Microsoft Entra tenant whose access tokens the portal and
/// the mobile app send, the audiences and issuers accepted, and where a staff member's court comes from.
/// </summary>
public sealed class IdentityOptions
{
    public string? TenantId { get; set; }

    /// <summary>The API's app registration: its client id or application id URI (api://…); <see cref="Audiences"/> may list both.</summary>
    public string? Audience { get; set; }

    public List<string> Audiences { get; set; } = [];

    /// <summary>Accepted issuers; none set: the tenant's v2.0 and v1.0 issuers.</summary>
    public List<string> Issuers { get; set; } = [];

    public string Instance { get; set; } = "https://login.microsoftonline.com";

    /// <summary>The scope the API exposes, which a user's access token must carry in scp (its name, without api://…/).</summary>
    public string Scope { get; set; } = UserAccessToken.DefaultScope;

    /// <summary>The claim the tenant issues with a staff member's court (a directory extension or a claims-mapping policy).</summary>
    public string CourtClaim { get; set; } = "court";

    /// <summary>
    /// The claim with the resident id number the identity provider verified by real-name verification (none issued: none).
    /// </summary>
    public string VerifiedIdNumberClaim { get; set; } = ClientPrincipal.VerifiedIdNumberClaim;

    /// <summary>
    /// The claim with the person's name real-name verification gave with the id number: the number alone verifies no one (the
    /// plaintiff typed it for the party), so without this claim a party's account is linked through a clerk's identity check.
    /// </summary>
    public string VerifiedNameClaim { get; set; } = ClientPrincipal.VerifiedNameClaim;

    /// <summary>The claim with the unified social credit code of the organisation the account acts for, as verified.</summary>
    public string VerifiedCreditCodeClaim { get; set; } = ClientPrincipal.VerifiedCreditCodeClaim;

    /// <summary>The claim with the name of the organisation the account acts for, verified with its credit code.</summary>
    public string VerifiedOrganisationNameClaim { get; set; } = ClientPrincipal.VerifiedOrganisationNameClaim;

    /// <summary>The claims with the caller's latest identity verification: its method, time and result (passed or failed).</summary>
    public string VerificationMethodClaim { get; set; } = ClientPrincipal.VerificationMethodClaim;

    public string VerifiedAtClaim { get; set; } = ClientPrincipal.VerifiedAtClaim;

    public string VerificationResultClaim { get; set; } = ClientPrincipal.VerificationResultClaim;

    /// <summary>Staff whose court the tenant does not issue: user id (the token's oid) → court code. Staff with neither: refused.</summary>
    public Dictionary<string, string> StaffCourts { get; set; } = new(StringComparer.Ordinal);

    public EntraTokenOptions Tokens =>
        new() { TenantId = TenantId, Audience = Audience, Audiences = Audiences, Issuers = Issuers, Instance = Instance };
}

/// <summary>
/// Whether this host may believe the X-MS-CLIENT-PRINCIPAL header. Only two things make it true: App Service
/// Authentication enabled on the site (WEBSITE_AUTH_ENABLED, set by the platform, which then strips the header from
/// what clients send), and the local host's development identity provider, which registers itself in code. No app
/// setting of ours can switch it on.
/// </summary>
public sealed record ClientPrincipalTrust(bool Trusted, string Why)
{
    public static ClientPrincipalTrust DevelopmentIdentityProvider { get; } = new(true, "the local host's development identity provider");

    public static ClientPrincipalTrust From(IConfiguration configuration) =>
        string.Equals(configuration["WEBSITE_AUTH_ENABLED"], "true", StringComparison.OrdinalIgnoreCase)
            ? new(true, "App Service Authentication is enabled on the site")
            : new(false, "App Service Authentication is not enabled on the site");
}

/// <summary>
/// Who is calling, from a validated Microsoft Entra access token (Authorization: Bearer): the user id is the token's
/// oid (else sub), the roles its app roles; never anything the caller asserts. The X-MS-CLIENT-PRINCIPAL header counts
/// only where <see cref="ClientPrincipalTrust"/> says so. A token that is present but not valid is refused (401), never
/// ignored. A staff member's court is the tenant's court claim, else the court the settings give the user
/// (ECourt:Identity:StaffCourts); a staff caller with neither is refused (403), not placed in the default court, which
/// only parties get (it is where their filings go).
/// </summary>
public sealed class CallerIdentity(
    EntraTokenValidator tokens, IdentityOptions options, ClientPrincipalTrust principalTrust, CourtDirectory courts, StaffDirectory staff)
{
    public const string ObjectIdClaim = "oid";

    /// <summary>
    /// The caller, or null when the request carries no identity this host accepts; a staff caller with their division from the
    /// court's staff registry (and no staff role if the registry marks them inactive).
    /// </summary>
    public async Task<CourtUser?> IdentifyAsync(HttpRequest request) =>
        await FromRequestAsync(request) is { } caller ? await staff.WithRegistryAsync(caller, request.HttpContext.RequestAborted) : null;

    private async Task<CourtUser?> FromRequestAsync(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.FirstOrDefault();
        if (!string.IsNullOrEmpty(authorization))
        {
            if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                throw ApiProblem.InvalidToken("Send a Microsoft Entra access token as Authorization: Bearer <token>.");
            var result = await tokens.ValidateAsync(authorization["Bearer ".Length..].Trim(), request.HttpContext.RequestAborted);
            if (result is not { Valid: true, Claims: { } claims })
                throw ApiProblem.InvalidToken(result.Reason ?? "The token is not valid.");
            return UserFrom(ClaimsOf(claims), $"the token has no {options.CourtClaim} claim");
        }
        if (principalTrust.Trusted && request.Headers[ClientPrincipal.HeaderName].FirstOrDefault() is { Length: > 0 } header)
            return ClientPrincipal.Parse(header) is { } principal
                ? UserFrom(principal, $"the {ClientPrincipal.HeaderName} header has no court claim")
                : null;
        return null;
    }

    private SignedInClaims ClaimsOf(JsonElement claims)
    {
        var id = Text(claims, ObjectIdClaim) ?? Text(claims, "sub");
        if (string.IsNullOrWhiteSpace(id)) throw ApiProblem.InvalidToken("The token names no user (oid or sub).");
        var roles = claims.TryGetProperty("roles", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)
                .ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        var name = Text(claims, "name") ?? Text(claims, "preferred_username") ?? id;
        return new SignedInClaims(id, name, roles, Text(claims, options.CourtClaim))
        {
            VerifiedIdNumber = Text(claims, options.VerifiedIdNumberClaim),
            VerifiedName = Text(claims, options.VerifiedNameClaim),
            VerifiedCreditCode = Text(claims, options.VerifiedCreditCodeClaim),
            VerifiedOrganisationName = Text(claims, options.VerifiedOrganisationNameClaim),
            Verification = ClientPrincipal.Verification(Text(claims, options.VerificationMethodClaim),
                Text(claims, options.VerifiedAtClaim) ?? Number(claims, options.VerifiedAtClaim),
                Text(claims, options.VerificationResultClaim)),
        };
    }

    private CourtUser UserFrom(SignedInClaims caller, string noClaim)
    {
        var court = !string.IsNullOrEmpty(caller.Court) ? caller.Court
            : options.StaffCourts.TryGetValue(caller.Id, out var configured) && configured.Length > 0 ? configured
            : null;
        if (court is null && caller.Roles.Overlaps(Roles.Staff))
            throw ApiProblem.StaffCourtUnknown(
                $"Your court is not known: {noClaim}, and ECourt:Identity:StaffCourts names no court for user {caller.Id}. "
                + "Staff act only for their own court; ask the court's administrator to set one.");
        return new CourtUser(caller.Id, caller.Name, caller.Roles, court ?? courts.DefaultCourt.Code)
        {
            VerifiedIdNumber = caller.VerifiedIdNumber,
            VerifiedName = caller.VerifiedName,
            VerifiedCreditCode = caller.VerifiedCreditCode,
            VerifiedOrganisationName = caller.VerifiedOrganisationName,
            Verification = caller.Verification is { } v ? new IdentityVerification(v.Method, v.VerifiedAt, v.Passed) : null,
        };
    }

    private static string? Number(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null;

    private static string? Text(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
