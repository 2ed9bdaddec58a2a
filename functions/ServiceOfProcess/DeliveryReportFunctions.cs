using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using ECourt.Application.ServiceOfProcess;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.ServiceOfProcess;

/// <summary>
/// The Event Grid webhook for Communication Services' delivery reports (Event Grid schema). It answers
/// the subscription validation handshake, refuses calls that carry neither a Microsoft Entra token for the
/// expected audience (Event Grid's delivery with Entra authentication, in Azure) nor the webhook key (in the
/// subscription's endpoint URL, ?key=, or the X-ECourt-Webhook-Key header), records each report on its service and
/// wakes the service's workflow. A report for an unknown message is logged and ignored; a repeated report
/// changes nothing; a failed delivery moves the service to its next channel at once.
/// </summary>
public sealed class DeliveryReportFunctions(ApiEndpoint endpoint, RecordDeliveryReport record, WebhookAuthentication authentication)
{
    /// <summary>
    /// One shape for both answers, so a client needs no narrowing: the handshake answers only validationResponse (Event
    /// Grid's subscription validation), a batch of reports only its three counts.
    /// </summary>
    public sealed record DeliveryReportsAnswer(string? ValidationResponse = null, int? Recorded = null, int? Unknown = null,
        int? Ignored = null);

    [ApiOperation("service", "Event Grid webhook for Communication Services delivery reports and its handshake; needs the key.",
        Public = true, RequestItems = typeof(EventGridEventBody), Response = typeof(DeliveryReportsAnswer),
        Problems = [400, 401, 413],
        Description = "For Azure Event Grid, not for clients: Communication Services' SMS and email delivery reports, with a Microsoft "
            + "Entra token for this webhook or the webhook key. Each report is recorded on its service (delivery to an address the party "
            + "gave or confirmed completes service), a failed delivery moves the service to its next means at once, and an unknown or "
            + "repeated report changes nothing. The subscription's validation handshake is answered with its code.")]
    [ApiParameter("key", "query", "The webhook key (or the X-ECourt-Webhook-Key header).")]
    [Function("CommunicationEvents")]
    public Task<IActionResult> Receive([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "events/communication")] HttpRequest req) =>
        endpoint.Webhook(req, "CommunicationEvents", async () =>
        {
            var ct = req.HttpContext.RequestAborted;
            if (!await authentication.AuthorizedAsync(req, ct)) throw new ApiProblem(401,
                ApiProblem.TypePrefix + "webhook-unauthenticated", "Not authenticated.",
                "Delivery reports are accepted with a Microsoft Entra token for this webhook or with the webhook key.");
            var body = await RequestBody.ReadBytesAsync(req, 1024 * 1024, "Event Grid delivers at most 1 MB a batch.");
            EventGridEvent[] events;
            try
            {
                events = EventGridEvent.ParseMany(BinaryData.FromBytes(body));
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException or FormatException or InvalidOperationException)
            {
                throw ApiProblem.Malformed("The body is not a batch of Event Grid events: " + ex.Message);
            }
            int recorded = 0, unknown = 0, ignored = 0;
            foreach (var e in events)
            {
                if (!e.TryGetSystemEventData(out var data)) { ignored++; continue; }
                switch (data)
                {
                    case SubscriptionValidationEventData validation:
                        return new ApiResult(new DeliveryReportsAnswer(ValidationResponse: validation.ValidationCode));
                    case AcsSmsDeliveryReportReceivedEventData sms:
                        if (await record.RunAsync("sms", sms.MessageId, sms.DeliveryStatus == "Delivered", sms.ReceivedTimestamp
                            ?? e.EventTime,
                            $"{sms.DeliveryStatus}: {sms.DeliveryStatusDetails}", ct)) recorded++;
                        else unknown++;
                        break;
                    case AcsEmailDeliveryReportReceivedEventData email:
                        if (await record.RunAsync("email", email.MessageId, email.Status == AcsEmailDeliveryReportStatus.Delivered,
                            email.DeliveryAttemptTimestamp ?? e.EventTime,
                                $"{email.Status}: {email.DeliveryStatusDetails?.StatusMessage}", ct)) recorded++;
                        else unknown++;
                        break;
                    default:
                        ignored++;
                        break;
                }
            }
            return new ApiResult(new DeliveryReportsAnswer(Recorded: recorded, Unknown: unknown, Ignored: ignored));
        });
}

