using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ECourt.Functions.OpenApi;

namespace ECourt.Integration.Tests;

/// <summary>The API reference page at /api/docs loads this app's own document, with the viewer served from here.</summary>
public partial class ApiReferenceTests
{
    [GeneratedRegex(@"<script src=""([^""]+)""></script>")]
    private static partial Regex ScriptSource();

    [GeneratedRegex(@"url: '([^']+)'")]
    private static partial Regex DocumentUrl();

    [Fact]
    public async Task DocsPage_LoadsTheSameDocumentAsOpenApiJson_AndItsViewerScriptFromThisApp()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var page = await host.GetAsync("/api/docs", null);
        Assert.Equal(200, page.Status);
        Assert.StartsWith("text/html", page.ContentType);

        var url = DocumentUrl().Match(page.Text).Groups[1].Value;
        var document = await host.GetAsync(url, null);
        Assert.Equal(200, document.Status);
        Assert.Equal(ApiDocument.Text, document.Text);

        var script = ScriptSource().Match(page.Text).Groups[1].Value;
        var acceptGzip = new Dictionary<string, string> { ["Accept-Encoding"] = "gzip, br" };
        var gzipped = await host.SendAsync("GET", script, null, headers: acceptGzip);
        Assert.Equal(200, gzipped.Status);
        Assert.Equal("gzip", gzipped.Headers.ContentEncoding.ToString());
        using var unzip = new StreamReader(new GZipStream(new MemoryStream(gzipped.Body), CompressionMode.Decompress), Encoding.UTF8);
        var bundle = await unzip.ReadToEndAsync();
        Assert.Contains("createApiReference", bundle);

        var plain = await host.GetAsync(script, null);
        Assert.Equal(200, plain.Status);
        Assert.Equal(bundle, plain.Text);
    }
}
