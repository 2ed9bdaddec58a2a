using ECourt.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.OpenApi;

/// <summary>GET /api/openapi.json.</summary>
public sealed class OpenApiFunction(ApiEndpoint endpoint)
{
    [ApiOperation("meta", "This document.", Public = true, Hidden = true, Problems = [429])]
    [Function("OpenApiDocument")]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest req) =>
        endpoint.Public(req, "OpenApiDocument", () => Task.FromResult<IActionResult>(new TextResult(ApiDocument.Text,
            "application/json; charset=utf-8")));
}
