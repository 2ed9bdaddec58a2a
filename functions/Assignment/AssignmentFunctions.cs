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
        Headers = ["ETag"],
        Description = "For the head of the division that hears the case, or the president: names the case's judge and clerk, who "
            + "must be active members of that division, with a reason (an event on the case). An accepted case is otherwise assigned "
            + "by the court's rule (random among the division's judges, weighted by their open cases); this assigns one that waits "
            + "for an eligible member, or reassigns one. From then on only the case's team sees its file.")]
    [Function("AssignCase")]
    public Task<IActionResult> Assign([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/assignment")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "AssignCase", caseId, async grant => CaseFunctions.Answer(views, grant, await assign.RunAsync(grant,
            await RequestBody.ReadJsonAsync<AssignmentRequest>(req), RequestHeaders.IfMatch(req), req.HttpContext.RequestAborted)));
}
