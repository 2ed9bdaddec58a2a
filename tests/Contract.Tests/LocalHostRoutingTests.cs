using ECourt.LocalHost;
using Microsoft.AspNetCore.Http;

namespace ECourt.Contract.Tests;

/// <summary>
/// A request no function serves, as the local host answers it: 404 whether the path is unknown or known with another method,
/// as the Functions host's router answers both (it has no 405), so a client meets the same status in either host.
/// </summary>
public class LocalHostRoutingTests
{
    private static async Task<(int Status, string Body)> DispatchAsync(string method, string path)
    {
        await using var provider = Hosts.LocalHost("in-memory");
        var context = new DefaultHttpContext { RequestServices = provider };
        context.Request.Method = method;
        context.Request.Path = path;
        var body = new MemoryStream();
        context.Response.Body = body;
        await LocalHostSetup.Dispatch(context);
        return (context.Response.StatusCode, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }

    [Theory]
    [InlineData("DELETE", "/api/cases")]
    [InlineData("PUT", "/api/cases/cs0123456789abcdef01234567")]
    [InlineData("HEAD", "/api/fees/quote")]
    [InlineData("POST", "/api/fees/quote")]
    [InlineData("GET", "/api/no-such-route")]
    public async Task NotServed_404ProblemDetails_AsTheFunctionsHost(string method, string path)
    {
        var (status, body) = await DispatchAsync(method, path);
        Assert.Equal(404, status);
        if (method != "HEAD") Assert.Contains("urn:ecourt:problem:not-found", body);
    }
}
