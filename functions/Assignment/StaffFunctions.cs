using ECourt.Application.Assignment;
using ECourt.Domain.Assignment;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Assignment;

/// <summary>The court's staff registry, kept by its administrator: who works in which division, with which roles.</summary>
public sealed class StaffFunctions(ApiEndpoint endpoint, ListStaff list, RegisterStaff register)
{
    public sealed record StaffView(string UserId, string Name, string Court, Division Division, IReadOnlyList<string> Roles, bool Active)
    {
        public static StaffView Of(StaffMember m) => new(m.UserId, m.Name, m.Court, m.Division, m.Roles.Order(StringComparer.Ordinal)
            .ToList(), m.Active);
    }

    [ApiOperation("staff", "The court's staff registry.", Response = typeof(ListAnswer<StaffView>), Problems = [401, 403],
        Description = "For the court's administrator: every member of the court's staff, active or not, with the division they belong "
            + "to and their roles there. The court's rule of assignment draws an accepted case's judge and clerk from the active members "
            + "of the division that hears it.")]
    [Function("ListStaff")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff")] HttpRequest req) =>
        endpoint.SignedIn(req, "ListStaff", async caller => new ApiResult(new ListAnswer<StaffView>(
            (await list.RunAsync(caller, req.HttpContext.RequestAborted)).Select(StaffView.Of).ToList(), null)));

    [ApiOperation("staff", "Register a member of the court's staff, or change one (division, roles, active).",
        Request = typeof(StaffRequest), Response = typeof(StaffView), Problems = [400, 401, 403, 415],
        Description = "For the court's administrator: registers the member under the user id their token carries (oid), in the "
            + "administrator's court, or replaces what the registry holds of them. A member marked inactive is given no new case and "
            + "acts on none, whatever their token says; their cases keep their history. Other instances see a change within a minute.")]
    [Function("RegisterStaff")]
    public Task<IActionResult> Put([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "staff/{userId}")] HttpRequest req,
        string userId) =>
        endpoint.SignedIn(req, "RegisterStaff", async caller => new ApiResult(StaffView.Of(await register.RunAsync(caller, userId,
            await RequestBody.ReadJsonAsync<StaffRequest>(req), req.HttpContext.RequestAborted))));
}
