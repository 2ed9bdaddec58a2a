using System.Text.Json;

namespace ECourt.Adapters.Identity;

/// <summary>
/// Which kind of token one use accepts, beyond its being the tenant's, for the audience and within its lifetime: the
/// audience alone does not say it, since an ID token carries the client id as its audience (and the user's roles), and
/// an application's own token for the API carries the API's audience too.
/// </summary>
public abstract record TokenKind
{
    /// <summary>Why the token is refused, or null when it is of this kind.</summary>
    public abstract string? Refusal(JsonElement claims);

    protected static string? Text(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    protected static IEnumerable<string> Strings(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)
            : [];
}

/// <summary>
/// A signed-in user's access token for this API: delegated, with the API's scope in scp (space-separated). An ID
/// token has no scp; an application's own token (client credentials) has none either, and v2.0 marks it idtyp "app".
/// </summary>
public sealed record UserAccessToken(string Scope) : TokenKind
{
    public const string DefaultScope = "access_as_user";

    public override string? Refusal(JsonElement claims)
    {
        if (Text(claims, "idtyp") == "app")
            return "An application's own token (app-only) is not accepted: this API serves signed-in users.";
        if (Text(claims, "scp") is not { } scopes)
            return $"The token carries no delegated scope (scp): send a user's access token for this API's scope {Scope}, "
                + "not an ID token or an application's own token.";
        return scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(Scope, StringComparer.Ordinal)
            ? null
            : $"The token does not carry this API's scope {Scope} in scp.";
    }
}

/// <summary>
/// Event Grid delivering to a webhook with Microsoft Entra authentication: its own token (app-only, no scp), from the
/// deployment's tenant (tid), issued to Event Grid's application (azp in v2.0 tokens, appid in v1.0), holding the
/// AzureEventGridSecureWebhookSubscriber role, which the webhook's app registration defines and assigns to Event Grid's
/// service principal. The role alone proves nothing: the user who creates the subscription is assigned it too.
/// </summary>
public sealed record EventGridDelivery(string TenantId, string ApplicationId) : TokenKind
{
    /// <summary>Event Grid's application id in the public cloud (a national cloud's differs: a setting).</summary>
    public const string DefaultApplicationId = "4962773b-9cdb-44cf-a8bf-237846a00ab7";

    public const string Role = "AzureEventGridSecureWebhookSubscriber";

    public override string? Refusal(JsonElement claims)
    {
        if (!string.Equals(Text(claims, "tid"), TenantId, StringComparison.OrdinalIgnoreCase))
            return "The token is not from the deployment's tenant (tid).";
        if (Text(claims, "scp") is not null) return "A user's token (scp) is not an Event Grid delivery.";
        var application = Text(claims, "azp") ?? Text(claims, "appid");
        if (!string.Equals(application, ApplicationId, StringComparison.OrdinalIgnoreCase))
            return $"The token was not issued to Event Grid's application (azp or appid: {application ?? "none"}).";
        return Strings(claims, "roles").Contains(Role, StringComparer.Ordinal) ? null : $"The token does not hold the {Role} role.";
    }
}
