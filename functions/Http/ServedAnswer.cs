using ECourt.Application.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace ECourt.Functions.Http;

/// <summary>
/// Whatever a route answers (its result, a problem, a replayed answer, the local host's own 404) leaves with the headers every
/// answer of the API carries: Cache-Control by the kind of answer (<see cref="AnswerCaching"/>) and, for a browser on an allowed
/// origin, CORS (<see cref="CorsPolicy"/>). Set in code both hosts run (Functions middleware does not run in the local host),
/// before the answer writes its own headers, so an answer may still say more (a link code's no-store). Whether the route is
/// public is its row of the access table, which <see cref="ApiEndpoint"/> records on the request.
/// </summary>
public sealed class ServedAnswer(IActionResult answer, bool publicRoute) : IActionResult
{
    private static readonly object PublicRouteKey = new();

    /// <summary>Records the route's row for the answer's headers.</summary>
    public static void Record(HttpRequest request, RouteAccess row)
    {
        if (row.Scope == RouteScope.Public) request.HttpContext.Items[PublicRouteKey] = true;
    }

    public static IActionResult Of(HttpRequest request, IActionResult answer) =>
        answer as ServedAnswer ?? new ServedAnswer(answer, request.HttpContext.Items.ContainsKey(PublicRouteKey));

    public Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var status = answer is ApiResult api ? api.Status : StatusCodes.Status200OK;
        http.Response.Headers.CacheControl = AnswerCaching.CacheControl(publicRoute, http.Request, status);
        if (publicRoute) http.Response.Headers.Append(HeaderNames.Vary, AnswerCaching.PublicVary);
        http.RequestServices?.GetService<CorsPolicy>()?.Answer(http);
        return answer.ExecuteResultAsync(context);
    }
}
