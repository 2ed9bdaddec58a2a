using System.IO.Compression;
using ECourt.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.OpenApi;

/// <summary>
/// The API reference page at /api/docs: Scalar's reference viewer (its bundle, embedded in the Scalar.AspNetCore
/// package, served from here so the page works without reaching a CDN) reading this app's own /api/openapi.json.
/// </summary>
public sealed class ApiReferenceFunctions(ApiEndpoint endpoint)
{
    /// <summary>The document the page loads.</summary>
    public const string DocumentUrl = "/api/openapi.json";

    private const string BundleResource = "ScalarStaticAssets.scalar.js";

    private const string JavaScript = "text/javascript; charset=utf-8";

    public static readonly string Page = $$"""
        <!doctype html>
        <html lang="zh-CN">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>ECourt API</title>
        </head>
        <body>
          <div id="app"></div>
          <script src="/api/docs/scalar.js"></script>
          <script>
            Scalar.createApiReference('#app', { url: '{{DocumentUrl}}', withDefaultFonts: false, hideClientButton: true });
          </script>
        </body>
        </html>
        """;

    /// <summary>The bundle as the package stores it (gzip).</summary>
    private static readonly Lazy<byte[]> Bundle = new(() =>
    {
        using var stream = typeof(Scalar.AspNetCore.ScalarOptions).Assembly.GetManifestResourceStream(BundleResource)
            ?? throw new InvalidOperationException($"Scalar.AspNetCore no longer embeds {BundleResource}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    [ApiOperation("meta", "The API reference: this document in Scalar's reference viewer.", Public = true, Hidden = true,
        BinaryResponse = "text/html",
        Problems = [429])]
    [Function("ApiReference")]
    public Task<IActionResult> Docs([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs")] HttpRequest req) =>
        endpoint.Public(req, "ApiReference", () => Task.FromResult<IActionResult>(new TextResult(Page, "text/html; charset=utf-8")));

    [ApiOperation("meta", "The reference viewer's script.", Public = true, Hidden = true, BinaryResponse = "text/javascript",
        Problems = [429])]
    [Function("ApiReferenceScript")]
    public Task<IActionResult> Script([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs/scalar.js")] HttpRequest req) =>
        endpoint.Public(req, "ApiReferenceScript", () =>
        {
            if (req.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
                return Task.FromResult<IActionResult>(new BytesResult(Bundle.Value, JavaScript, null, contentEncoding: "gzip"));
            using var unzipped = new MemoryStream();
            using (var gzip = new GZipStream(new MemoryStream(Bundle.Value), CompressionMode.Decompress)) gzip.CopyTo(unzipped);
            return Task.FromResult<IActionResult>(new BytesResult(unzipped.ToArray(), JavaScript, null));
        });
}
