using Azure.Core;
using Azure.Identity;

namespace ECourt.Adapters.Identity;

/// <summary>
/// The one place that builds the app's Azure credential: its managed identity, system-assigned or the user-assigned one
/// whose client id is given. Storage, Service Bus, Communication Services and Key Vault all take this credential.
/// </summary>
public static class AzureCredentials
{
    public static TokenCredential ManagedIdentity(string? clientId) => new ManagedIdentityCredential(
        string.IsNullOrEmpty(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
}
