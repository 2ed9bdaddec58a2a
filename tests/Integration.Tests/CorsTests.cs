namespace ECourt.Integration.Tests;

/// <summary>
/// Browsers: the origins a portal runs on are a setting (none by default), applied by the app in both hosts. One OPTIONS
/// function answers every preflight: 204 with the allowed methods and headers for an allowed origin, 204 without any CORS
/// header for another. Answers to an allowed origin name it and expose ETag, Location and Retry-After.
/// </summary>
public class CorsTests
{
    private const string Portal = "https://portal.court.example";

    private static readonly string Liu = CourtTestHost.Principal("user-liu", "party");

    private static Task<CourtTestHost> StartAsync(bool withPortal = true) => CourtTestHost.StartAsync(CourtTestHost.Future,
        settings: withPortal ? new Dictionary<string, string?> { ["ECourt:Cors:AllowedOrigins:0"] = Portal } : null);

    private static Task<TestResponse> PreflightAsync(CourtTestHost host, string path, string origin, string method = "POST",
        string headers = "authorization,content-type,if-match") =>
        host.SendAsync("OPTIONS", path, null, headers: new Dictionary<string, string>
        {
            ["Origin"] = origin,
            ["Access-Control-Request-Method"] = method,
            ["Access-Control-Request-Headers"] = headers,
        });

    private static IEnumerable<string> CorsHeaders(TestResponse r) =>
        r.Headers.Keys.Where(k => k.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> List(TestResponse r, string header) =>
        r.Headers[header].SelectMany(v => v!.Split(',')).Select(v => v.Trim());

    [Fact]
    public async Task Preflight_FromAnAllowedOrigin_204WithMethodsHeadersAndMaxAge()
    {
        await using var host = await StartAsync();
        var r = await PreflightAsync(host, "/api/cases/cs000000000000000000000001/review", Portal);
        Assert.Equal(204, r.Status);
        Assert.Empty(r.Body);
        Assert.Equal(Portal, r.Headers.AccessControlAllowOrigin.ToString());
        Assert.Contains("POST", List(r, "Access-Control-Allow-Methods"));
        Assert.Contains("GET", List(r, "Access-Control-Allow-Methods"));
        foreach (var header in new[] { "Authorization", "Content-Type", "If-Match", "If-None-Match", "Idempotency-Key" })
            Assert.Contains(header, List(r, "Access-Control-Allow-Headers"), StringComparer.OrdinalIgnoreCase);
        Assert.True(int.Parse(r.Headers.AccessControlMaxAge.ToString()) > 0);
        Assert.Contains("Origin", List(r, "Vary"));
        // A route that does not exist is the actual request's 404, not the preflight's concern.
        Assert.Equal(204, (await PreflightAsync(host, "/api/no-such-route", Portal, "GET", "authorization")).Status);
    }

    [Fact]
    public async Task Preflight_FromAnotherOrigin_OrForAMethodOrHeaderNotAllowed_204WithoutCorsHeaders()
    {
        await using var host = await StartAsync();
        var other = await PreflightAsync(host, "/api/cases", "https://elsewhere.example");
        Assert.Equal(204, other.Status);
        Assert.Empty(CorsHeaders(other));
        // The origin's scheme and port are part of it.
        Assert.Empty(CorsHeaders(await PreflightAsync(host, "/api/cases", "http://portal.court.example")));
        Assert.Empty(CorsHeaders(await PreflightAsync(host, "/api/cases", Portal + ":8443")));
        Assert.Empty(CorsHeaders(await PreflightAsync(host, "/api/cases", Portal, method: "DELETE")));
        Assert.Empty(CorsHeaders(await PreflightAsync(host, "/api/cases", Portal, headers: "authorization,x-made-up")));

        // With no origins set (the default) no origin is allowed.
        await using var closed = await StartAsync(withPortal: false);
        var r = await PreflightAsync(closed, "/api/cases", Portal);
        Assert.Equal(204, r.Status);
        Assert.Empty(CorsHeaders(r));
        Assert.Empty(CorsHeaders(await closed.SendAsync("GET", "/api/cases", Liu, headers: new Dictionary<string, string>
        {
            ["Origin"] = Portal,
        })));
    }

    [Fact]
    public async Task Answers_ToAnAllowedOrigin_NameIt_AndExposeETagLocationRetryAfter_ProblemsToo()
    {
        await using var host = await StartAsync();
        var fromPortal = new Dictionary<string, string> { ["Origin"] = Portal };
        var created = await host.PostJsonAsync("/api/cases", Liu, Filings.Property("user-liu"), fromPortal);
        Assert.Equal(201, created.Status);
        Assert.Equal(Portal, created.Headers.AccessControlAllowOrigin.ToString());
        var exposed = List(created, "Access-Control-Expose-Headers").ToList();
        foreach (var header in new[] { "ETag", "Location", "Retry-After" })
            Assert.Contains(header, exposed, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("Origin", List(created, "Vary"));
        Assert.False(created.Headers.ContainsKey("Access-Control-Allow-Credentials"));

        // A refusal reaches the portal's code too: it can read the problem.
        var refused = await host.SendAsync("GET", "/api/cases", null, headers: fromPortal);
        Assert.Equal(401, refused.Status);
        Assert.Equal(Portal, refused.Headers.AccessControlAllowOrigin.ToString());

        // Another origin's request is answered, without CORS headers: its browser withholds the answer.
        var elsewhere = await host.SendAsync("GET", "/api/cases", Liu, headers: new Dictionary<string, string>
        {
            ["Origin"] = "https://elsewhere.example",
        });
        Assert.Equal(200, elsewhere.Status);
        Assert.Empty(CorsHeaders(elsewhere));
    }
}
