using System.Security.Cryptography;
using System.Text;
using ECourt.Adapters.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ECourt.Functions.ServiceOfProcess;

/// <summary>
/// Who may post delivery reports: Event Grid with its own Microsoft Entra token for the webhook's audience (ECourt:Service:EventGrid;
/// <see cref="EventGridDelivery"/> says which tokens are Event Grid's), or a caller with the webhook key (ECourt:Service:WebhookKey)
/// in the subscription's endpoint URL (?key=) or the X-ECourt-Webhook-Key header.
/// </summary>
public sealed class WebhookAuthentication(EntraTokenValidator eventGridTokens, string? key, ILogger<WebhookAuthentication> log)
{
    public async Task<bool> AuthorizedAsync(HttpRequest req, CancellationToken ct)
    {
        var authorization = req.Headers.Authorization.FirstOrDefault();
        if (authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var result = await eventGridTokens.ValidateAsync(authorization["Bearer ".Length..].Trim(), ct);
            if (result.Valid) return true;
            log.LogWarning("Delivery report webhook: bearer token refused: {Reason}", result.Reason);
        }
        if (string.IsNullOrEmpty(key)) return false;
        var given = req.Headers["X-ECourt-Webhook-Key"].FirstOrDefault() ?? req.Query["key"].FirstOrDefault();
        return given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key));
    }
}
