using System.Text.Json;

namespace ECourt.Functions.ServiceOfProcess;

/// <summary>
/// One event of an Event Grid delivery, as the webhook's body carries an array of them (the Event Grid event schema):
/// described for clients and the document; the webhook reads the body with the Event Grid SDK itself.
/// </summary>
/// <param name="Data">the event's own data: a delivery report, or the handshake's validationCode</param>
public sealed record EventGridEventBody(string Id, string? Topic, string Subject, string EventType, DateTimeOffset EventTime,
    JsonElement Data, string DataVersion, string? MetadataVersion);
