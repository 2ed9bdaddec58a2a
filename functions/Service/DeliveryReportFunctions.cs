using System.Security.Cryptography;
using System.Text;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using ECourt.Domain.Ports;
using ECourt.Domain.Service;
using ECourt.Functions.Http;
using ECourt.Orchestrations.Service;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECourt.Functions.Service;

/// <summary>
/// The Event Grid webhook for Communication Services' delivery reports (Event Grid schema). It answers
/// the subscription validation handshake, refuses calls that carry neither a Microsoft Entra token for the
/// expected audience (Event Grid's delivery with Entra authentication, in Azure) nor the webhook key (in the
/// subscription's endpoint URL, ?key=, or the X-ECourt-Webhook-Key header), records each report on its service and
/// wakes the service's workflow. A report for an unknown message is logged and ignored; a repeated report
/// changes nothing; a failed delivery moves the service to its next channel at once.
/// </summary>
public sealed class DeliveryReportFunctions(ApiEndpoint endpoint, IServiceStore services, ServiceDispatch dispatch, IOptions<WebhookOptions> options,
    Adapters.Identity.EntraTokenValidator entra, TimeProvider clock, ILogger<DeliveryReportFunctions> log)
{
    public sealed record ValidationAnswer(string ValidationResponse);

    public sealed record ReportsAnswer(int Recorded, int Unknown, int Ignored);

    [Function("CommunicationEvents")]
    public Task<IActionResult> Receive([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "events/communication")] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        endpoint.Webhook(req, async () =>
        {
            var ct = req.HttpContext.RequestAborted;
            if (!await AuthorizedAsync(req, ct)) throw new ApiProblem(401, ApiProblem.TypePrefix + "webhook-unauthenticated", "Not authenticated.",
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
                        return new ApiResult(new ValidationAnswer(validation.ValidationCode));
                    case AcsSmsDeliveryReportReceivedEventData sms:
                        if (await RecordAsync(client, "sms", sms.MessageId, sms.DeliveryStatus == "Delivered", sms.ReceivedTimestamp ?? e.EventTime,
                            $"{sms.DeliveryStatus}: {sms.DeliveryStatusDetails}", ct)) recorded++; else unknown++;
                        break;
                    case AcsEmailDeliveryReportReceivedEventData email:
                        if (await RecordAsync(client, "email", email.MessageId, email.Status == AcsEmailDeliveryReportStatus.Delivered,
                            email.DeliveryAttemptTimestamp ?? e.EventTime, $"{email.Status}: {email.DeliveryStatusDetails?.StatusMessage}", ct)) recorded++; else unknown++;
                        break;
                    default:
                        ignored++;
                        break;
                }
            }
            return new ApiResult(new ReportsAnswer(recorded, unknown, ignored));
        });

    private async Task<bool> AuthorizedAsync(HttpRequest req, CancellationToken ct)
    {
        var authorization = req.Headers.Authorization.FirstOrDefault();
        if (authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var result = await entra.ValidateAsync(authorization["Bearer ".Length..].Trim(), ct);
            if (result.Valid) return true;
            log.LogWarning("Delivery report webhook: bearer token refused: {Reason}", result.Reason);
        }
        var expected = options.Value.Key;
        if (string.IsNullOrEmpty(expected)) return false;
        var given = req.Headers["X-ECourt-Webhook-Key"].FirstOrDefault() ?? req.Query["key"].FirstOrDefault();
        return given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
    }

    private async Task<bool> RecordAsync(DurableTaskClient client, string channel, string? messageId, bool delivered, DateTimeOffset at, string evidence,
        CancellationToken ct)
    {
        var target = messageId is null ? null : await services.FindByMessageAsync(channel, messageId, ct);
        if (target is null)
        {
            log.LogWarning("Delivery report for unknown {Channel} message {MessageId}: recorded and ignored", channel, messageId);
            await services.RecordUnmatchedReportAsync(new UnmatchedReport(channel, messageId ?? "(none)", evidence, at, clock.GetUtcNow()), ct);
            return false;
        }
        var kind = delivered ? ServiceEvidenceKind.Delivered : ServiceEvidenceKind.Failed;
        var record = await dispatch.ChangeAsync(client, target.CaseId, target.ServiceId, r => r.WithEvidence(target.Step, kind, at, evidence), "delivery-report", ct);
        if (!delivered && record.Status == ServiceStatus.InProgress && record.CurrentStep == target.Step)
            // A permanent failure (invalid number, bounced address): the next channel at once.
            await dispatch.ChangeAsync(client, target.CaseId, target.ServiceId,
                r => r.CurrentStep == target.Step && r.Status == ServiceStatus.InProgress ? r.Advance(clock.GetUtcNow(), evidence) : null, "advance", ct);
        return true;
    }
}

/// <summary>The webhook's key (ECourt:Service:WebhookKey): in the Event Grid subscription's endpoint URL, or the local runs' header.</summary>
public sealed class WebhookOptions
{
    public string? Key { get; set; }
}
