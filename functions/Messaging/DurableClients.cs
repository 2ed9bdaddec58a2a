using ECourt.Application.Cases;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECourt.Functions.Messaging;

/// <summary>
/// Durable messaging and the lifecycle instances for a durable client a function binds (the worker hands clients only to
/// functions that bind one): the relay, the lifecycle sweep and the operators' routes.
/// </summary>
public sealed class DurableClients(IOptions<LifecycleOptions> lifecycle, ILoggerFactory logs)
{
    public ClientDurableMessaging For(DurableTaskClient client) => new(client, lifecycle, logs.CreateLogger<ClientDurableMessaging>());
}
