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
}
