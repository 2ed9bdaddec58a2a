using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Domain;
using ECourt.Domain.Access;
using ECourt.Domain.Cases;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace ECourt.Functions.Http;

/// <summary>
/// What every HTTP function does around its own work: identify the caller (a validated Microsoft Entra token, see
/// <see cref="CallerIdentity"/>), decide by the route's row of the <see cref="AccessTable"/> whether it may call the route
/// (before the body, the case's state or any rule is looked at), hold anonymous callers to their rate, and turn refusals
/// into problem details. Once the caller may call it, a write that takes an Idempotency-Key runs once per key
/// (<see cref="IdempotentWrites"/>). It lives in code both hosts run, because Functions middleware does not run in the local
/// host. Each method names the function (as its [Function] attribute does) and serves one scope of route.
/// </summary>
public sealed class ApiEndpoint(CallerIdentity identity, AnonymousRateLimit anonymousRate, CaseAccess access, IdempotentWrites writes,
    ILogger<ApiEndpoint> log)
{
    private static RouteAccess Row(string function, params RouteScope[] scopes)
    {
        var row = AccessTable.For(function);
        return scopes.Contains(row.Scope)
            ? row
            : throw new InvalidOperationException($"{function} is a {row.Scope} route in the access table, not {string.Join(" or ", scopes)}.");
    }

    /// <summary>A public route: anyone may call it, each client address at most the anonymous rate.</summary>
    public Task<IActionResult> Public(HttpRequest request, string function, Func<Task<IActionResult>> work) =>
        Public(request, function, _ => work());

    /// <summary>A public route that answers a signed-in caller more (null: anonymous).</summary>
    public Task<IActionResult> Public(HttpRequest request, string function, Func<CourtUser?, Task<IActionResult>> work) =>
        Guard(request, async () =>
        {
            ServedAnswer.Record(request, Row(function, RouteScope.Public));
            anonymousRate.Check(request);
            return await work(await identity.IdentifyAsync(request));
        });

    /// <summary>A route that authenticates its caller itself (a webhook with its own key or token).</summary>
    public Task<IActionResult> Webhook(HttpRequest request, string function, Func<Task<IActionResult>> work) =>
        Guard(request, () =>
        {
            Row(function, RouteScope.Webhook);
            return work();
        });

    /// <summary>A route on the caller's own things, for the roles its row lists.</summary>
    public Task<IActionResult> SignedIn(HttpRequest request, string function, Func<CourtUser, Task<IActionResult>> work) =>
        Guard(request, async () =>
        {
            var row = Row(function, RouteScope.SignedIn);
            var caller = await identity.IdentifyAsync(request) ?? throw ApiProblem.Unauthenticated();
            if (!row.AllowsRoles(caller)) throw ApiProblem.Forbidden($"This route is for the roles {string.Join(", ", row.Roles)}.");
            return await Once(request, function, caller, () => work(caller));
        });

    /// <summary>A route on the case its path names: granted by the caller's relationships to the case.</summary>
    public Task<IActionResult> OnCase(HttpRequest request, string function, string caseId, Func<CaseGrant, Task<IActionResult>> work) =>
        Guard(request, async () =>
        {
            var row = Row(function, RouteScope.Case);
            var caller = await identity.IdentifyAsync(request) ?? throw ApiProblem.Unauthenticated();
            var grant = await access.AuthorizeAsync(row, caseId, caller, request.HttpContext.RequestAborted);
            return await Once(request, function, caller, () => work(grant));
        });

    /// <summary>A route on a case found from another id in its path: the use case authorizes with the row it is given.</summary>
    public Task<IActionResult> OnCaseOf(HttpRequest request, string function, Func<CourtUser, RouteAccess, Task<IActionResult>> work) =>
        Guard(request, async () =>
        {
            var row = Row(function, RouteScope.CaseOf);
            var caller = await identity.IdentifyAsync(request) ?? throw ApiProblem.Unauthenticated();
            return await work(caller, row);
        });

    /// <summary>
    /// The work, run once per Idempotency-Key when the operation takes one and the request sent one. Its refusals and failures
    /// are answered inside, so that the answer kept for repeats is the one the client got.
    /// </summary>
    private Task<IActionResult> Once(HttpRequest request, string function, CourtUser caller, Func<Task<IActionResult>> work) =>
        IdempotentWrites.Applies(request, function) ? writes.RunAsync(request, function, caller.Id, () => Guard(request, work)) : work();

    private async Task<IActionResult> Guard(HttpRequest request, Func<Task<IActionResult>> work)
    {
        try
        {
            return ServedAnswer.Of(request, await work());
        }
        catch (Exception ex)
        {
            var problem = ex switch
            {
                ApiProblem p => p,
                InvalidRequestException invalid => ApiProblem.Validation(invalid.Errors),
                NotFoundException notFound => ApiProblem.NotFound(notFound.What),
                CaseNotFoundException => ApiProblem.NotFound("such case"),
                ForbiddenException forbidden => ApiProblem.Forbidden(forbidden.Message),
                StaleCaseException => ApiProblem.PreconditionFailed(),
                ConflictException conflict => ApiProblem.Conflict(conflict.Rule, conflict.Message),
                TransitionRefusedException t => ApiProblem.Conflict(t.Rule, t.Message),
                DomainRuleException d => ApiProblem.Rule(d.Rule, d.Message, d.Field),
                UnsupportedContentException media => ApiProblem.UnsupportedMediaType(media.Message),
                LinkRefusedException { Expired: true } => new ApiProblem(410, ApiProblem.TypePrefix + "link-expired",
                    "The link has expired.",
                    "Sign in to the portal and open the document from your inbox."),
                LinkRefusedException => new ApiProblem(403, ApiProblem.TypePrefix + "link-invalid", "The link is not valid.",
                    "The link was changed or was not issued by the court."),
                DocumentIntegrityException integrity => Integrity(integrity),
                _ => null,
            };
            if (problem is null)
            {
                log.LogError(ex, "Request {Method} {Path} failed", request.Method, request.Path);
                problem = new ApiProblem(500, ApiProblem.TypePrefix + "internal", "The court's system failed.",
                    "Something went wrong on our side; nothing was changed that you cannot safely retry.");
            }
            return ServedAnswer.Of(request, ProblemResult.From(problem, request.Path));
        }
    }

    private ApiProblem Integrity(DocumentIntegrityException ex)
    {
        log.LogCritical("{Failure}", ex.Message);
        return new ApiProblem(500, ApiProblem.TypePrefix + "document-integrity", "The document failed its integrity check.",
            "The stored bytes do not match the SHA-256 recorded when the document was filed; it is withheld and the court's IT is alerted.");
    }
}
