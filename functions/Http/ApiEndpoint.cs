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
/// <see cref="CallerIdentity"/>), hold anonymous callers to their rate, and turn refusals into problem details. It
/// lives in code both hosts run, because Functions middleware does not run in the local host.
/// </summary>
public sealed class ApiEndpoint(CallerIdentity identity, AnonymousRateLimit anonymousRate, ILogger<ApiEndpoint> log)
{
    /// <summary>A public route: anyone may call it, each client address at most the anonymous rate.</summary>
    public Task<IActionResult> Public(HttpRequest request, Func<Task<IActionResult>> work) =>
        Guard(request, () =>
        {
            anonymousRate.Check(request);
            return work();
        });

    /// <summary>A route that authenticates its caller itself (a webhook with its own key or token).</summary>
    public Task<IActionResult> Webhook(HttpRequest request, Func<Task<IActionResult>> work) => Guard(request, work);

    /// <summary>A route for signed-in callers, optionally only in some roles.</summary>
    public Task<IActionResult> SignedIn(HttpRequest request, Func<CourtUser, Task<IActionResult>> work, params string[] roles) =>
        Guard(request, async () =>
        {
            var caller = await identity.IdentifyAsync(request) ?? throw ApiProblem.Unauthenticated();
            if (roles.Length > 0 && !caller.IsInAnyRole(roles))
                throw ApiProblem.Forbidden($"This route is for the roles {string.Join(", ", roles)}.");
            return await work(caller);
        });

    /// <summary>The caller of a public route that answers signed-in callers more (null: anonymous).</summary>
    public Task<CourtUser?> CallerIfSignedInAsync(HttpRequest request) => identity.IdentifyAsync(request);

    private async Task<IActionResult> Guard(HttpRequest request, Func<Task<IActionResult>> work)
    {
        try
        {
            return await work();
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
                LinkRefusedException { Expired: true } => new ApiProblem(410, ApiProblem.TypePrefix + "link-expired", "The link has expired.",
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
            return ProblemResult.From(problem, request.Path);
        }
    }

    private ApiProblem Integrity(DocumentIntegrityException ex)
    {
        log.LogCritical("{Failure}", ex.Message);
        return new ApiProblem(500, ApiProblem.TypePrefix + "document-integrity", "The document failed its integrity check.",
            "The stored bytes do not match the SHA-256 recorded when the document was filed; it is withheld and the court's IT is alerted.");
    }
}
