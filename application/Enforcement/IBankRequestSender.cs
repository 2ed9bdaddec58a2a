using ECourt.Domain.Enforcement;

namespace ECourt.Application.Enforcement;

/// <summary>
/// Sends a request to a bank on topic bank-requests: the message id is the request's id (the bank's idempotency key, so a request
/// sent again after a crash is one request), with the bank's code and the message type as properties the subscriptions filter on.
/// Throws when it cannot send, so its caller is retried; never drops a request.
/// </summary>
public interface IBankRequestSender
{
    Task SendAsync(BankRequest request, CancellationToken ct = default);
}
