using System.Net;
using System.Net.Http.Json;
using ECourt.Application.ServiceOfProcess;

namespace ECourt.Adapters.Communication;

/// <summary>
/// Email through the Communication Services Email REST API: POST /emails:send starts an operation
/// (its id is ours, so a retried send is the same operation), then the operation is read until it ends.
/// The notice carries a link, never an attachment.
/// </summary>
public sealed class AcsEmailGateway(HttpClient http, AcsEmailOptions options, TimeProvider clock) : IEmailGateway
{
    public const string ApiVersion = "2025-09-01";

    public string Provider => "acs-email";

    private sealed record Content(string Subject, string PlainText);
    private sealed record To(string Address, string? DisplayName);
    private sealed record Recipients(IReadOnlyList<To> To);
    private sealed record SendRequest(string SenderAddress, Content Content, Recipients Recipients);
    private sealed record OperationError(string? Code, string? Message);
    private sealed record Operation(string Id, string Status, OperationError? Error);

    public static byte[] Body(string sender, EmailRequest message) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
        new SendRequest(sender, new Content(message.Subject, message.PlainText), new Recipients([new To(message.To, message.DisplayName)])), AcsSmsGateway.Json);

    public async Task<SendResult> SendAsync(EmailRequest message, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{options.Connection.Endpoint.ToString().TrimEnd('/')}/emails:send?api-version={ApiVersion}"))
        {
            Content = new ByteArrayContent(Body(options.SenderAddress, message)) { Headers = { ContentType = new("application/json") } },
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.TryAddWithoutValidation("Operation-Id", message.OperationId.ToString());
        using var started = await http.SendAsync(request, ct);
        if (started.StatusCode == HttpStatusCode.BadRequest)
            return new SendResult(SendStatus.PermanentFailure, message.OperationId.ToString(), await started.Content.ReadAsStringAsync(ct));
        started.EnsureSuccessStatusCode();
        var operation = await started.Content.ReadFromJsonAsync<Operation>(AcsSmsGateway.Json, ct) ?? throw new HttpRequestException("No operation in the answer.");
        var location = started.Headers.TryGetValues("operation-location", out var values) ? new Uri(values.First())
            : new Uri($"{options.Connection.Endpoint.ToString().TrimEnd('/')}/emails/operations/{Uri.EscapeDataString(operation.Id)}?api-version={ApiVersion}");
        var wait = RetryAfter(started);
        var deadline = clock.GetUtcNow() + options.MaxWait;
        while (operation.Status is "NotStarted" or "Running")
        {
            if (clock.GetUtcNow() > deadline) throw new TimeoutException($"Email operation {operation.Id} did not end within {options.MaxWait}.");
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, ct);
            using var poll = new HttpRequestMessage(HttpMethod.Get, location);
            poll.Headers.Accept.ParseAdd("application/json");
            using var answer = await http.SendAsync(poll, ct);
            answer.EnsureSuccessStatusCode();
            operation = await answer.Content.ReadFromJsonAsync<Operation>(AcsSmsGateway.Json, ct) ?? throw new HttpRequestException("No operation in the answer.");
            wait = RetryAfter(answer);
        }
        return operation.Status == "Succeeded"
            ? new SendResult(SendStatus.Accepted, operation.Id, null)
            : new SendResult(SendStatus.PermanentFailure, operation.Id, $"{operation.Status}: {operation.Error?.Code} {operation.Error?.Message}".Trim());
    }

    private TimeSpan RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta ?? (response.Headers.TryGetValues("retry-after", out var v) && int.TryParse(v.First(), out var s)
            ? TimeSpan.FromSeconds(s) : options.PollInterval);
}

/// <summary>Settings of the Communication Services email gateway.</summary>
public sealed record AcsEmailOptions(AcsConnection Connection, string SenderAddress)
{
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(2);
}
