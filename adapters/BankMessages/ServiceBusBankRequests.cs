using Azure.Messaging.ServiceBus;
using ECourt.Application.Enforcement;
using ECourt.Domain;
using ECourt.Domain.Enforcement;

namespace ECourt.Adapters.BankMessages;

/// <summary>
/// Sends requests to banks on topic bank-requests, one message per request. The message id is the request's id: the topic's duplicate
/// detection drops a request sent again after a crash, and a bank takes the same id as the same request. bankCode (an application
/// property) is what each bank's subscription filters on; messageType is both a property and the subject, so a subscription rule or
/// a bank's router can tell the kinds apart without reading the body.
/// </summary>
public sealed class ServiceBusBankRequests(ServiceBusClient client, TimeProvider clock) : IBankRequestSender, IAsyncDisposable
{
    public const string Topic = "bank-requests";

    private readonly ServiceBusSender _sender = client.CreateSender(Topic);

    public Task SendAsync(BankRequest request, CancellationToken ct = default)
    {
        var messageType = request.Kind.WireName();
        var message = new ServiceBusMessage(BankRequestWriter.Write(request, clock.GetUtcNow()))
        {
            MessageId = request.RequestId,
            ContentType = "application/json",
            Subject = messageType,
        };
        message.ApplicationProperties["bankCode"] = request.BankCode;
        message.ApplicationProperties["messageType"] = messageType;
        // A failure to send throws (ServiceBusException, or cancellation): the caller keeps the request and is retried.
        return _sender.SendMessageAsync(message, ct);
    }

    public ValueTask DisposeAsync() => _sender.DisposeAsync();
}
