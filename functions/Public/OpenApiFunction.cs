using ECourt.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Public;

/// <summary>GET /api/openapi.json.</summary>
public sealed class OpenApiFunction
{
    [Function("OpenApiDocument")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest req) =>
        new TextResult(ApiDocument.Text, "application/json; charset=utf-8");
}
