using ECourt.Application.Assignment;
using ECourt.Functions.Cases;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Assignment;

/// <summary>Assigning a case by hand: the head of the division that hears it, or the president, names its judge and clerk.</summary>
public sealed class AssignmentFunctions(ApiEndpoint endpoint, AssignCase assign, CaseViews views)
{
    [ApiOperation("staff", "Assign or reassign the case's judge and clerk, with a reason.", Request = typeof(AssignmentRequest),
        Response = typeof(CaseView), Problems = [400, 401, 403, 404, 409, 412, 415, 422], Idempotent = true, IfMatch = true,
        Headers = ["ETag"])]
    [Function("AssignCase")]
    public Task<IActionResult> Assign([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/assignment")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "AssignCase", caseId, async grant => CaseFunctions.Answer(views, grant, await assign.RunAsync(grant,
            await RequestBody.ReadJsonAsync<AssignmentRequest>(req), RequestHeaders.IfMatch(req), req.HttpContext.RequestAborted)));
}
