namespace ECourt.Integration.Tests;

public class PublicRouteTests
{
    [Fact]
    public async Task FeeQuote_And_DeadlineCalculator_AnswerAnyone()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var quote = await host.GetAsync("/api/fees/quote?caseType=property&amount=1000000&procedure=simplified", null);
        Assert.Equal(200, quote.Status);
        Assert.Equal("6900.00", quote.Json.GetProperty("fee").GetString());
        Assert.Equal("simplified", quote.Json.GetProperty("procedure").GetString());

        var deadline = await host.GetAsync("/api/calendar/deadline?start=2026-11-28&period=7&unit=days", null);
        Assert.Equal("2026-12-07", deadline.Json.GetProperty("deadline").GetString());
        Assert.False(deadline.Json.GetProperty("provisional").GetBoolean());
        var provisional = await host.GetAsync("/api/calendar/deadline?start=2027-03-01&period=5&unit=working-days", null);
        Assert.True(provisional.Json.GetProperty("provisional").GetBoolean());
    }

    [Fact]
    public async Task OpenApiDocument_Served()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var doc = await host.GetAsync("/api/openapi.json", null);
        Assert.Equal(200, doc.Status);
        Assert.Equal("3.1.0", doc.Json.GetProperty("openapi").GetString());
        Assert.True(doc.Json.GetProperty("components").GetProperty("schemas").TryGetProperty("FilingRequest", out _));
    }

    [Fact]
    public async Task AnonymousRoutes_RateLimitedPerClientAddress_429WithRetryAfter_SignedInRoutesNot()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future, settings: new Dictionary<string, string?> { ["ECourt:RateLimit:AnonymousPerMinute"] = "3" });
        var a = System.Net.IPAddress.Parse("203.0.113.7");
        var b = System.Net.IPAddress.Parse("198.51.100.9");
        Task<TestResponse> Quote(System.Net.IPAddress from) => host.SendAsync("GET", "/api/fees/quote?caseType=property&amount=100000", null, from: from);
        for (var i = 0; i < 3; i++) Assert.Equal(200, (await Quote(a)).Status);
        var limited = await Quote(a);
        Assert.Equal(429, limited.Status);
        Assert.StartsWith("application/problem+json", limited.ContentType);
        Assert.Equal("urn:ecourt:problem:too-many-requests", limited.Json.GetProperty("type").GetString());
        Assert.InRange(int.Parse(limited.Headers.RetryAfter.ToString()), 1, 60);
        // Every public route counts against the same address; another address is not held up.
        Assert.Equal(429, (await host.SendAsync("GET", "/api/calendar/deadline?start=2026-11-28&period=7", null, from: a)).Status);
        Assert.Equal(200, (await Quote(b)).Status);
        // Signed-in callers are not limited here.
        for (var i = 0; i < 5; i++) Assert.Equal(200, (await host.SendAsync("GET", "/api/cases", CourtTestHost.Principal("user-liu", "party"), from: a)).Status);
    }
}
