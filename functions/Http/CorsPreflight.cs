using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Http;

/// <summary>
/// OPTIONS on any path: a browser's preflight, answered by <see cref="CorsPolicy"/>. One function for every route, so both
/// hosts serve it from the function metadata; it is no operation of the API document. It reads no caller, touches no storage
/// and is not held to the anonymous rate: a portal sends one for each path it calls, and each costs nothing.
/// </summary>
public sealed class CorsPreflight(CorsPolicy cors)
{
    public const string Function = "CorsPreflight";

    [Function(Function)]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "options", Route = "{*path}")] HttpRequest req) =>
        cors.Preflight(req);
}
