using ECourt.Adapters.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ECourt.Functions.Http;

/// <summary>Settings of browsers' cross-origin calls (section ECourt:Cors); each list empty by default.</summary>
public sealed class CorsOptions
{
    /// <summary>Origins of the court's browser portals (https://host[:port]); none: no browser may call from another origin.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Methods a portal may use; none: the API's own (<see cref="CorsPolicy.ApiMethods"/>).</summary>
    public List<string> AllowedMethods { get; set; } = [];

    /// <summary>Request headers a portal may send; none: those the API reads (<see cref="CorsPolicy.ApiHeaders"/>).</summary>
    public List<string> AllowedHeaders { get; set; } = [];
}

/// <summary>
/// Cross-origin calls from the court's browser portals, decided by the app in code both hosts run (the platform's own CORS
/// stays empty in the Bicep: it would answer preflights itself and replace the app's headers). A preflight from an allowed
/// origin, for an allowed method and headers, is answered with what it may do; anything else gets no CORS header at all, so the
/// browser refuses. Answers to an allowed origin name it and expose the headers a portal reads. No credentials mode: callers
/// send a bearer token in Authorization, never a cookie.
/// </summary>
public sealed class CorsPolicy(IOptions<CorsOptions> options)
{
    /// <summary>The methods the API's routes use.</summary>
    public static readonly IReadOnlyList<string> ApiMethods = ["GET", "POST", "PUT"];

    /// <summary>The request headers the API reads (the local host's development identity header too).</summary>
    public static readonly IReadOnlyList<string> ApiHeaders =
    [
        "Authorization", "Content-Type", "If-Match", "If-None-Match", "Idempotency-Key", "X-Document-Kind", "X-File-Name",
        ClientPrincipal.HeaderName,
    ];

    /// <summary>Response headers a portal's code reads beyond the CORS-safelisted ones.</summary>
    public const string ExposedHeaders = "ETag, Location, Retry-After";

    /// <summary>How long a browser keeps a preflight's answer (Chromium keeps at most 2 hours).</summary>
    public const int PreflightMaxAgeSeconds = 3600;

    /// <summary>Headers a browser may send to any origin without asking (Fetch's CORS-safelisted request headers).</summary>
    private static readonly string[] Safelisted = ["Accept", "Accept-Language", "Content-Language"];

    private readonly HashSet<string> _origins = options.Value.AllowedOrigins.Where(o => o.Length > 0).Select(o => o.TrimEnd('/'))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private readonly IReadOnlyList<string> _methods = options.Value.AllowedMethods is { Count: > 0 } m ? m : ApiMethods;

    private readonly IReadOnlyList<string> _headers = options.Value.AllowedHeaders is { Count: > 0 } h ? h : ApiHeaders;

    /// <summary>Some origin is allowed: answers then vary by Origin.</summary>
    public bool On => _origins.Count > 0;

    public bool Allows(string? origin) => origin is { Length: > 0 } && _origins.Contains(origin);

    /// <summary>Adds to an actual answer what a browser on an allowed origin needs to hand it to the portal.</summary>
    public void Answer(HttpContext http)
    {
        if (!On) return;
        http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
        string? origin = http.Request.Headers.Origin;
        if (!Allows(origin)) return;
        http.Response.Headers.AccessControlAllowOrigin = origin;
        http.Response.Headers.AccessControlExposeHeaders = ExposedHeaders;
    }

    /// <summary>The answer to a preflight: 204, with what the portal may do when its origin, method and headers are allowed.</summary>
    public IActionResult Preflight(HttpRequest request)
    {
        var headers = new Dictionary<string, string>();
        if (On) headers[HeaderNames.Vary] = HeaderNames.Origin;
        string? origin = request.Headers.Origin;
        string? method = request.Headers.AccessControlRequestMethod;
        var asked = request.Headers.AccessControlRequestHeaders.SelectMany(v => (v ?? "").Split(','))
            .Select(h => h.Trim()).Where(h => h.Length > 0);
        if (Allows(origin) && method is not null && _methods.Contains(method, StringComparer.Ordinal)
            && asked.All(h => _headers.Concat(Safelisted).Contains(h, StringComparer.OrdinalIgnoreCase)))
        {
            headers[HeaderNames.AccessControlAllowOrigin] = origin!;
            headers[HeaderNames.AccessControlAllowMethods] = string.Join(", ", _methods);
            headers[HeaderNames.AccessControlAllowHeaders] = string.Join(", ", _headers);
            headers[HeaderNames.AccessControlMaxAge] = PreflightMaxAgeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return new PreflightAnswer(headers);
    }

    private sealed class PreflightAnswer(Dictionary<string, string> headers) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = StatusCodes.Status204NoContent;
            foreach (var (name, value) in headers) response.Headers[name] = value;
            return Task.CompletedTask;
        }
    }
}
