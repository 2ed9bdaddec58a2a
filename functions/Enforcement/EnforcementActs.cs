using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Enforcement;
using ECourt.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ECourt.Functions.Enforcement;

/// <summary>How an act on an enforcement case is served: the caller granted, the body read, the use case run, its part answered.</summary>
public static class EnforcementActs
{
    public static Task<IActionResult> ActAsync<T>(this ApiEndpoint endpoint, HttpRequest req, string function, string caseId,
        Func<CaseGrant, T, CancellationToken, Task<StoredCase>> act, int status = StatusCodes.Status200OK) where T : class =>
        endpoint.OnCase(req, function, caseId, async grant =>
        {
            var saved = await act(grant, await RequestBody.ReadJsonAsync<T>(req), req.HttpContext.RequestAborted);
            return new ApiResult(EnforcementView.Of(saved.Case.Enforcement!), status);
        });
}
