using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ECourt.Application.ServiceOfProcess;

namespace ECourt.Adapters.Communication;

/// <summary>
/// SMS through the Communication Services REST API (POST /sms, api-version 2021-03-07), with delivery
/// reports on and the notice's repeatability id, so a retried request is sent once.
/// </summary>
public sealed class AcsSmsGateway(HttpClient http, AcsSmsOptions options) : ISmsGateway
{
    public const string ApiVersion = "2021-03-07";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // As the service's own SDKs write it: text in its characters, not \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Provider => "acs-sms";

    private sealed record Recipient(string To, string RepeatabilityRequestId, string RepeatabilityFirstSent);
    private sealed record SendOptions(bool EnableDeliveryReport, string? Tag);
    private sealed record SendRequest(string From, IReadOnlyList<Recipient> SmsRecipients, string Message, SendOptions SmsSendOptions);
    private sealed record RecipientResult(string To, string? MessageId, int HttpStatusCode, string? RepeatabilityResult, bool Successful, string? ErrorMessage);
    private sealed record SendResponse(IReadOnlyList<RecipientResult> Value);

    public static byte[] Body(string from, SmsRequest message) => JsonSerializer.SerializeToUtf8Bytes(new SendRequest(from,
        [new Recipient(message.To, message.RepeatabilityId.ToString(), AcsRequestSigner.Date(message.FirstSentAt))],
        message.Text, new SendOptions(true, message.Tag)), Json);

    public async Task<SendResult> SendAsync(SmsRequest message, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Connection.Endpoint, $"sms?api-version={ApiVersion}"))
        {
            Content = new ByteArrayContent(Body(options.From, message)) { Headers = { ContentType = new("application/json") } },
        };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            return new SendResult(SendStatus.PermanentFailure, null, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<SendResponse>(Json, ct);
        var result = body?.Value.SingleOrDefault() ?? throw new HttpRequestException("Communication Services answered without a result for the recipient.");
        if (result.Successful) return new SendResult(SendStatus.Accepted, result.MessageId, null);
        // 429 and 5xx for a recipient are worth another try; anything else (an invalid number) is not.
        if (result.HttpStatusCode is 429 or >= 500)
            throw new HttpRequestException($"Communication Services could not take the SMS now: {result.HttpStatusCode} {result.ErrorMessage}", null, (HttpStatusCode)result.HttpStatusCode);
        return new SendResult(SendStatus.PermanentFailure, result.MessageId, $"{result.HttpStatusCode}: {result.ErrorMessage}");
    }
}

/// <summary>Settings of the Communication Services SMS gateway: the resource and the court's sender number.</summary>
public sealed record AcsSmsOptions(AcsConnection Connection, string From);
