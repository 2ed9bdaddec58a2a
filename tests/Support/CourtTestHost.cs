using System.Text;
using System.Text.Json;
using ECourt.Adapters.Identity;
using ECourt.Adapters.Storage;
using ECourt.Application.Assignment;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Assignment;
using ECourt.Domain.Cases;
using ECourt.Functions.Composition;
using ECourt.Functions.Http;
using ECourt.Functions.Messaging;
using ECourt.LocalHost;
using ECourt.LocalHost.Durable;
using ECourt.Orchestrations;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Testing;

/// <summary>An HTTP answer as a client sees it.</summary>
public sealed record TestResponse(int Status, IHeaderDictionary Headers, byte[] Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    public string Text => Encoding.UTF8.GetString(Body);
    public string ContentType => Headers.ContentType.ToString();
    public override string ToString() => $"{Status} {Text}";
}

/// <summary>
/// The court's services on the in-memory durable engine (DurableTaskTestHost) against Azurite, with a
/// fake clock for the functions. HTTP requests go through the local host's route table into the
/// Functions app's own function classes with a real DefaultHttpContext.
/// </summary>
public sealed class CourtTestHost : IAsyncDisposable
{
    private readonly Func<ValueTask> _dispose;

    private CourtTestHost(IServiceProvider services, DurableTaskClient client, Func<ValueTask> dispose, TestClock clock)
    {
        Services = services;
        Client = client;
        _dispose = dispose;
        Clock = clock;
        Routes = new FunctionRouteTable(LocalHostSetup.FunctionsAssembly, "api");
    }

    /// <summary>
    /// Each DurableTaskTestHost builds a default host, which watches its appsettings files for changes with one inotify
    /// instance; a suite of a hundred hosts meets the system's limit of 128. Test hosts never reload settings.
    /// </summary>
    static CourtTestHost() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");

    public TestClock Clock { get; }
    public IServiceProvider Services { get; }
    public DurableTaskClient Client { get; }
    public FunctionRouteTable Routes { get; }
    public ICaseStore Store => Services.GetRequiredService<ICaseStore>();

    /// <summary>
    /// Whether every answer is checked against the API document (tests: always). A benchmark turns it off: the check
    /// evaluates JSON Schema on each answer, which is the test's cost, not the request's.
    /// </summary>
    public bool CheckAnswers { get; set; } = true;
    public StorageClients Storage => Services.GetRequiredService<StorageClients>();

    public static DateTimeOffset China(string local) => DateTimeOffset.Parse(local + "+08:00");

    /// <summary>
    /// A Thursday far ahead of any real date the suite runs on, so that no statutory timer of a test's
    /// case fires before the test acts. 2098's holiday arrangement is not loaded: its deadlines count
    /// weekends only and are provisional.
    /// </summary>
    public static readonly DateTimeOffset Future = China("2098-11-27T10:00");

    public const string TestLinkKey = "dGVzdC1saW5rLWtleS1vZi10aGUtY291cnQtMzItYnl0ZXMh";
    public const string WebhookKey = "test-webhook-key";

    public static async Task<CourtTestHost> StartAsync(DateTimeOffset now, Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? settings = null)
    {
        var clock = new TestClock(now);
        var configuration = Configuration(settings);
        var durable = await StartDurableAsync(new DurableTaskTestHostOptions
        {
            ConfigureServices = services => AddCourt(services, clock, configuration, configure),
        });
        var host = new CourtTestHost(durable.Services, durable.Client, durable.DisposeAsync, clock);
        await host.RegisterStaffAsync();
        return host;
    }

    /// <summary>The court's civil division as the tests know it: its one judge and one clerk, to whom accepted cases go.</summary>
    public static readonly StaffMember[] CivilDivision =
    [
        new("judge-zhao", "赵法官", "黑01", Division.Civil, new HashSet<string> { Roles.Judge }, true),
        new("clerk-wang", "王书记员", "黑01", Division.Civil, new HashSet<string> { Roles.Clerk }, true),
    ];

    private async Task RegisterStaffAsync()
    {
        var registry = Services.GetRequiredService<IStaffRegistry>();
        foreach (var member in CivilDivision) await registry.PutAsync(member);
    }

    /// <summary>
    /// The court's services on the persistent engine the local host runs (the Azure Storage provider on Azurite), with the
    /// task hub and storage prefix given, so a second host started on the same names carries on the first one's instances.
    /// <paramref name="register"/> replaces the orchestrations this build registers (a test of an older version's instances).
    /// </summary>
    public static async Task<CourtTestHost> StartOnAzureStorageAsync(DateTimeOffset now, string taskHub, string namePrefix,
        Action<Microsoft.DurableTask.DurableTaskRegistry>? register = null, Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? settings = null)
    {
        var clock = new TestClock(now);
        var values = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["ECourt:Storage:NamePrefix"] = namePrefix,
        };
        var configuration = Configuration(values);
        var host = Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder()
            .ConfigureServices((_, services) =>
            {
                AddCourt(services, clock, configuration, configure);
                services.AddAzureStorageDurableEngine(Azurite.ConnectionString, taskHub, FreePort(), register);
            })
            .Build();
        await host.StartAsync();
        var court = new CourtTestHost(host.Services, host.Services.GetRequiredService<DurableTaskClient>(), async () =>
        {
            await host.StopAsync();
            host.Dispose();
        }, clock);
        await court.RegisterStaffAsync();
        return court;
    }

    private static IConfiguration Configuration(IDictionary<string, string?>? settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["ECourt:Storage:ConnectionString"] = Azurite.ConnectionString,
            ["ECourt:Storage:NamePrefix"] = Azurite.NewPrefix(),
            ["ECourt:Service:SigningKeyFile"] = Path.Combine(Path.GetTempPath(), "ecourt-tests", "service-signing.pem"),
            ["ECourt:Service:LinkKey"] = TestLinkKey,
            ["ECourt:Service:WebhookKey"] = WebhookKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private static void AddCourt(IServiceCollection services, TestClock clock, IConfiguration configuration,
        Action<IServiceCollection>? configure)
    {
        services.AddSingleton<TimeProvider>(clock);
        services.AddLogging();
        configure?.Invoke(services);
        // As in the local host, whose route table these requests go through: its development identity provider,
        // and messages straight to the durable engine.
        services.TryAddSingleton(ClientPrincipalTrust.DevelopmentIdentityProvider);
        services.TryAddSingleton<ClientDurableMessaging>();
        services.TryAddSingleton<IDurableMessaging>(sp => sp.GetRequiredService<ClientDurableMessaging>());
        services.TryAddSingleton<ILifecycleInstances>(sp => sp.GetRequiredService<ClientDurableMessaging>());
        services.AddECourt(configuration);
        // As in the local host: the index queue received and applied as the Functions app's queue trigger does.
        services.AddHostedService<Functions.Messaging.JudgmentIndexQueuePump>();
        // The in-memory engine runs as many work items as there are cores unless told otherwise.
        services.Configure<DurableTaskWorkerOptions>(o =>
        {
            o.Concurrency.MaximumConcurrentOrchestrationWorkItems = 64;
            o.Concurrency.MaximumConcurrentActivityWorkItems = 64;
        });
    }

    /// <summary>
    /// The test host picks a random port for its gRPC sidecar and may pick a busy one; take one the
    /// system says is free, and try again if another process took it meanwhile.
    /// </summary>
    private static async Task<DurableTaskTestHost> StartDurableAsync(DurableTaskTestHostOptions options)
    {
        for (var attempt = 1; ; attempt++)
        {
            options.Port = FreePort();
            try
            {
                return await DurableTaskTestHost.StartAsync(OrchestrationCatalog.Register, options);
            }
            catch (IOException) when (attempt < 5)
            {
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string Principal(string userId, params string[] roles) => ClientPrincipal.Encode(userId, roles);

    public static string Staff(string userId, string role, string court = "黑01") => ClientPrincipal.Encode(userId, [role], court);

    public Task<TestResponse> GetAsync(string path, string? principal) => SendAsync("GET", path, principal);

    public Task<TestResponse> PostJsonAsync(string path, string? principal, object body, IDictionary<string, string>? headers = null) =>
        SendAsync("POST", path, principal, JsonSerializer.SerializeToUtf8Bytes(body), "application/json", headers);

    public async Task<TestResponse> SendAsync(string method, string pathAndQuery, string? principal, byte[]? body = null, string? contentType = null,
        IDictionary<string, string>? headers = null, System.Net.IPAddress? from = null)
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Connection.RemoteIpAddress = from ?? System.Net.IPAddress.Loopback;
        var request = context.Request;
        request.Method = method;
        var q = pathAndQuery.IndexOf('?');
        request.Path = q < 0 ? pathAndQuery : pathAndQuery[..q];
        request.QueryString = q < 0 ? QueryString.Empty : new QueryString(pathAndQuery[q..]);
        if (principal is not null) request.Headers[ClientPrincipal.HeaderName] = principal;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers[name] = value;
        if (body is not null)
        {
            request.Body = new MemoryStream(body);
            request.ContentLength = body.Length;
        }
        if (contentType is not null) request.ContentType = contentType;
        var responseBody = new MemoryStream();
        context.Response.Body = responseBody;

        var match = Routes.Match(method, request.Path) ?? throw new InvalidOperationException($"No function serves {method} {request.Path}.");
        await Routes.InvokeAsync(match.Route, match.Values, context);
        var response = new TestResponse(context.Response.StatusCode, context.Response.Headers, responseBody.ToArray());
        // Every answer is checked against the API document (a browser's preflight is no operation of it).
        if (CheckAnswers && method != "OPTIONS" && ApiResponseCheck.Problems(match.Route.FunctionName, method, response.Status,
            response.ContentType,
            response.Body, response.Headers.Keys) is { Count: > 0 } wrong)
            throw new Xunit.Sdk.XunitException($"The answer does not fit the API document:\n{string.Join("\n", wrong)}\n{response}");
        // And every body the court accepted fits its request schema.
        if (CheckAnswers && ApiResponseCheck.RequestProblems(match.Route.FunctionName, method, response.Status, contentType, body)
            is { Count: > 0 } unfit)
            throw new Xunit.Sdk.XunitException($"The request does not fit the API document:\n{string.Join("\n", unfit)}\n{response}");
        // An answer that fits may become the document's example of its operation (scripts/examples).
        if (CheckAnswers && ApiExampleRecorder.Recording)
            ApiExampleRecorder.Record(match.Route.FunctionName, response.Status, response.ContentType, response.Body);
        return response;
    }

    /// <summary>Waits until the case reaches the status (the orchestration works asynchronously).</summary>
    public async Task<CourtCase> WaitForStatusAsync(string caseId, CaseStatus status, int seconds = CourtSteps.Patience)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        CourtCase? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = (await Store.GetAsync(caseId))?.Case;
            if (last?.Status == status) return last;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Case {caseId} is {last?.Status}, not {status}, after {seconds} s.");
    }

    /// <summary>
    /// Moves court time to <paramref name="to"/> and wakes every waiting lifecycle and workflow, as the local host's clock
    /// route does: what fell due is kept as of the new court time.
    /// </summary>
    public async Task<int> MoveClockAsync(DateTimeOffset to)
    {
        Clock.SetUtcNow(to);
        return await LocalHost.CourtClockWakeUp.WakeAllAsync(Client, default);
    }

    public async ValueTask DisposeAsync() => await _dispose();
}
