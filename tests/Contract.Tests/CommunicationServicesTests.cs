using System.Net;
using System.Text;
using System.Text.Json;
using ECourt.Adapters.Communication;
using ECourt.Application.ServiceOfProcess;

namespace ECourt.Contract.Tests;

/// <summary>
/// Our Communication Services client against requests captured from Microsoft's official JavaScript SDKs
/// (vectors/acs-*-vector.json, captured with a known key): the signature, and the requests themselves.
/// </summary>
public class CommunicationServicesTests
{
    private static JsonElement Vector(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", name))).RootElement;

    public static TheoryData<string, int> Requests() => new()
    {
        { "acs-sms-vector.json", 0 }, { "acs-sms-vector.json", 1 }, { "acs-email-vector.json", 0 }, { "acs-email-vector.json", 1 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Signer_ReproducesTheSdksSignature(string file, int index)
    {
        var vector = Vector(file);
        var request = vector.GetProperty("requests")[index];
        var headers = request.GetProperty("headers");
        var expected = request.GetProperty("expected");
        var hash = AcsRequestSigner.ContentHash(Encoding.UTF8.GetBytes(request.GetProperty("body").GetString()!));
        Assert.Equal(expected.GetProperty("contentHash").GetString(), hash);
        var toSign = AcsRequestSigner.StringToSign(request.GetProperty("method").GetString()!, request.GetProperty("pathAndQuery").GetString()!,
            headers.GetProperty("x-ms-date").GetString()!, headers.GetProperty("host").GetString()!, hash);
        Assert.Equal(expected.GetProperty("stringToSign").GetString(), toSign);
        var key = Convert.FromBase64String(vector.GetProperty("accessKeyBase64").GetString()!);
        Assert.Equal(expected.GetProperty("authorization").GetString(), AcsRequestSigner.Authorization(key, toSign));
        Assert.Equal(headers.GetProperty("authorization").GetString(), AcsRequestSigner.Authorization(key, toSign));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Plays the service's side from the captured responses and keeps what the client sent.</summary>
    private sealed class CapturedService(params (int Status, JsonElement Headers, JsonElement Body)[] responses) : HttpMessageHandler
    {
        private int _next;
        public List<(HttpRequestMessage Request, byte[] Body)> Sent { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent.Add((request, request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken)));
            var (status, headers, body) = responses[_next++];
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body.GetRawText(), Encoding.UTF8, "application/json") };
            foreach (var h in headers.EnumerateObject().Where(h => h.Name != "content-type"))
                response.Headers.TryAddWithoutValidation(h.Name, h.Value.GetString());
            return response;
        }
    }

    private static (int, JsonElement, JsonElement) Response(JsonElement request)
    {
        var r = request.GetProperty("response");
        return (r.GetProperty("status").GetInt32(), r.GetProperty("headers"), r.GetProperty("body"));
    }

    private static HttpClient Client(CapturedService service, AcsConnection connection, DateTimeOffset at) =>
        new(new AcsAuthenticationHandler(connection, null, new FixedClock(at)) { InnerHandler = service });

    [Fact]
    public async Task Sms_RequestEqualsTheSdks_ByteForByte()
    {
        var vector = Vector("acs-sms-vector.json");
        var captured = vector.GetProperty("requests")[0];
        var headers = captured.GetProperty("headers");
        var at = DateTimeOffset.Parse(headers.GetProperty("x-ms-date").GetString()!);
        var connection = AcsConnection.Parse(vector.GetProperty("connectionString").GetString()!);
        var service = new CapturedService(Response(captured));
        var gateway = new AcsSmsGateway(Client(service, connection, at), new AcsSmsOptions(connection, "+18005550100"));

        var result = await gateway.SendAsync(new SmsRequest("+359888123456", "Призовка по дело 123/2026: моля, явете се.", "summons-123",
            Guid.Parse("9c0fa3eb-b83f-4801-9e6e-65fe9adf3386"), at));

        Assert.Equal(new SendResult(SendStatus.Accepted, "Outgoing_20261126_0", null), result);
        var (request, body) = Assert.Single(service.Sent);
        Assert.Equal(captured.GetProperty("body").GetString(), Encoding.UTF8.GetString(body));
        Assert.Equal(captured.GetProperty("pathAndQuery").GetString(), request.RequestUri!.PathAndQuery);
        Assert.Equal(headers.GetProperty("x-ms-date").GetString(), request.Headers.GetValues("x-ms-date").Single());
        Assert.Equal(headers.GetProperty("x-ms-content-sha256").GetString(), request.Headers.GetValues("x-ms-content-sha256").Single());
        Assert.Equal(headers.GetProperty("authorization").GetString(), request.Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task Sms_InvalidNumber_PermanentFailure()
    {
        var connection = AcsConnection.Parse(Vector("acs-sms-vector.json").GetProperty("connectionString").GetString()!);
        var refused = JsonDocument.Parse("""{"value":[{"to":"+1000","httpStatusCode":400,"successful":false,"errorMessage":"Invalid To phone number format."}]}""").RootElement;
        var service = new CapturedService((202, JsonDocument.Parse("{}").RootElement, refused));
        var gateway = new AcsSmsGateway(Client(service, connection, DateTimeOffset.UtcNow), new AcsSmsOptions(connection, "+18005550100"));
        var result = await gateway.SendAsync(new SmsRequest("+1000", "x", "t", Guid.NewGuid(), DateTimeOffset.UtcNow));
        Assert.Equal(SendStatus.PermanentFailure, result.Status);
        Assert.Contains("Invalid To phone number", result.Error);
    }

    [Fact]
    public async Task Email_StartsTheOperation_ThenReadsItUntilItEnds_SignedAsTheSdk()
    {
        var vector = Vector("acs-email-vector.json");
        var (post, get) = (vector.GetProperty("requests")[0], vector.GetProperty("requests")[1]);
        var at = DateTimeOffset.Parse(get.GetProperty("headers").GetProperty("x-ms-date").GetString()!);
        var connection = AcsConnection.Parse(vector.GetProperty("connectionString").GetString()!);
        var service = new CapturedService(Response(post), Response(get));
        var operationId = Guid.NewGuid();
        var gateway = new AcsEmailGateway(Client(service, connection, at), new AcsEmailOptions(connection, "DoNotReply@court.example"), new FixedClock(at));

        var result = await gateway.SendAsync(new EmailRequest("party@example.com", "王建国", "（2026）黑01民初123号起诉状副本", "请登录平台查阅。", operationId));

        Assert.Equal(new SendResult(SendStatus.Accepted, "op-123", null), result);
        Assert.Equal(2, service.Sent.Count);
        var (send, sendBody) = service.Sent[0];
        Assert.Equal(post.GetProperty("pathAndQuery").GetString(), send.RequestUri!.PathAndQuery);
        Assert.Equal(operationId.ToString(), send.Headers.GetValues("Operation-Id").Single());
        Assert.Equal("""{"senderAddress":"DoNotReply@court.example","content":{"subject":"（2026）黑01民初123号起诉状副本","plainText":"请登录平台查阅。"},"recipients":{"to":[{"address":"party@example.com","displayName":"王建国"}]}}""",
            Encoding.UTF8.GetString(sendBody));
        // The poll is the SDK's request exactly: same address, date, empty body, so the same signature.
        var (poll, _) = service.Sent[1];
        Assert.Equal(get.GetProperty("pathAndQuery").GetString(), poll.RequestUri!.PathAndQuery);
        Assert.Equal(get.GetProperty("headers").GetProperty("authorization").GetString(), poll.Headers.Authorization!.ToString());
    }

    /// <summary>Answers 503 first, then takes the message: what a short outage of the service looks like.</summary>
    private sealed class BusyThenAccepting : HttpMessageHandler
    {
        public List<(string? Date, string? Authorization, string Body)> Calls { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls.Add((request.Headers.TryGetValues("x-ms-date", out var d) ? d.Single() : null, request.Headers.Authorization?.ToString(),
                await request.Content!.ReadAsStringAsync(cancellationToken)));
            if (Calls.Count == 1) return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            return new HttpResponseMessage(HttpStatusCode.Accepted)
            {
                Content = new StringContent("""{"value":[{"to":"+8613900000000","messageId":"Outgoing_1","httpStatusCode":202,"repeatabilityResult":"accepted","successful":true}]}""",
                    Encoding.UTF8, "application/json"),
            };
        }
    }

    [Fact]
    public async Task Sms_ServiceBusy_RetriedWithBackoff_SameRepeatabilityId_SignedAfresh()
    {
        var configuration = Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(
            new Microsoft.Extensions.Configuration.ConfigurationBuilder(), new Dictionary<string, string?>
            {
                ["ECourt:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
                ["ECourt:Service:Sms:ConnectionString"] = Vector("acs-sms-vector.json").GetProperty("connectionString").GetString(),
                ["ECourt:Service:Sms:From"] = "+18005550100",
            }).Build();
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.LoggingServiceCollectionExtensions.AddLogging(services);
        ECourt.Functions.Composition.CourtComposition.AddECourt(services, configuration);
        var busy = new BusyThenAccepting();
        Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.ConfigurePrimaryHttpMessageHandler(
            Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient(services, "acs-sms"), () => busy);
        await using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var gateway = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ISmsGateway>(provider);
        Assert.IsType<AcsSmsGateway>(gateway);

        var result = await gateway.SendAsync(new SmsRequest("+8613900000000", "起诉状副本已送达。", "svc", Guid.Parse("9c0fa3eb-b83f-4801-9e6e-65fe9adf3386"), DateTimeOffset.UtcNow));
        Assert.Equal(SendStatus.Accepted, result.Status);
        Assert.Equal(2, busy.Calls.Count);
        // The same message both times (same repeatability id), each attempt signed with its own date.
        Assert.Equal(busy.Calls[0].Body, busy.Calls[1].Body);
        Assert.Contains("9c0fa3eb-b83f-4801-9e6e-65fe9adf3386", busy.Calls[1].Body);
        Assert.All(busy.Calls, c => Assert.StartsWith("HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=", c.Authorization));
        Assert.All(busy.Calls, c => Assert.NotNull(c.Date));
    }
}
