using ECourt.Application.Enforcement;
using ECourt.Domain.Enforcement;

namespace ECourt.Functions.Messaging;

/// <summary>
/// Where neither a Service Bus namespace nor the sandbox bank is configured, a request to a bank cannot be sent: it says so, and the
/// request stays in its case's outbox (the lifecycle tries again), never dropped.
/// </summary>
public sealed class NoBankConnection : IBankRequestSender
{
    public Task SendAsync(BankRequest request, CancellationToken ct = default) =>
        throw new InvalidOperationException(
            $"No bank connection is configured (ECourt:Banking:ServiceBus, or ECourt:Banking:Sandbox locally): request {request.RequestId} "
            + "stays in the outbox.");
}
