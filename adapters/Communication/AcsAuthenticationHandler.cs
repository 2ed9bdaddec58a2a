using System.Net.Http.Headers;
using Azure.Core;

namespace ECourt.Adapters.Communication;

/// <summary>
/// Authenticates every attempt of a request to Communication Services: with a Microsoft Entra token of
/// the app's managed identity where no access key is configured, else with the HMAC signature. It sits
/// inside the retry handler, so each retry is signed afresh with its own date.
/// </summary>
public sealed class AcsAuthenticationHandler(AcsConnection connection, TokenCredential? credential, TimeProvider clock) : DelegatingHandler
{
    private static readonly string[] Scopes = ["https://communication.azure.com//.default"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (connection.AccessKey is { } key)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            AcsRequestSigner.Sign(request, body, key, clock.GetUtcNow());
        }
        else
        {
            var token = await (credential ?? throw new InvalidOperationException("Communication Services needs an access key or a managed identity."))
                .GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
