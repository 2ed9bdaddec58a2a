using ECourt.Application.Cases;
using ECourt.Application.Enforcement;
using ECourt.Domain;
using ECourt.Domain.Enforcement;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Enforcement;

/// <summary>The dishonest list: the officer lists or removes a debtor, the president signs the consumption restriction, anyone
/// searches.</summary>
public sealed class DishonestListFunctions(ApiEndpoint endpoint, ListDishonestDebtor list, RemoveDishonestDebtor remove,
    SignConsumptionRestriction sign, SearchDishonestList search)
{
    /// <summary>A debtor on the public list: name, masked identity number, court, case number, ground and the day listed.</summary>
    public sealed record DishonestDebtorView(string Name, string IdNumber, string Court, string CaseNumber,
        [property: OneOf(typeof(DishonestGround))] string Ground, string ListedSince);

    public sealed record DishonestDebtorsView(IReadOnlyList<DishonestDebtorView> Debtors);

    [ApiOperation("enforcement", "The case's officer puts a debtor on the dishonest list by a written decision served on the debtor.",
        Request = typeof(DishonestListingRequest), Response = typeof(EnforcementView), Status = 201,
        Problems = [400, 401, 403, 404, 409, 415, 422], Idempotent = true,
        Description = "The enforcement officer lists a debtor on one ground of SPC Provisions on the Dishonest List (2017) art. 1 with the "
            + "facts; the written decision is served on the debtor and the public list shows it. Never a minor (art. 4: 422 "
            + "dishonest-minor), "
            + "nor where frozen assets already cover what is owed (art. 3: 422 dishonest-debt-secured). Term (art. 2): none for "
            + "able-but-refusing "
            + "(until performance), 2 years for the other grounds, extended by extraYears (1 to 3) for violence or several grounds. The "
            + "consumption restriction that goes with it awaits the president's signature. Taken off within 3 working days of full "
            + "performance (art. 10), by the system.")]
    [Function("ListDishonestDebtor")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "enforcement/{caseId}/dishonest-listing")] HttpRequest req, string caseId) =>
        endpoint.ActAsync<DishonestListingRequest>(req, "ListDishonestDebtor", caseId, list.RunAsync, StatusCodes.Status201Created);

    [ApiOperation("enforcement", "The case's officer takes a debtor off the dishonest list, with the reason.",
        Request = typeof(DishonestRemovalRequest), Response = typeof(EnforcementView), Problems = [400, 401, 403, 404, 409, 415, 422],
        Idempotent = true,
        Description = "The enforcement officer takes a listed debtor off the dishonest list (the decision revoked, a correction granted, "
            + "performance the system has not seen), with the reason; the consumption restriction is lifted with it and the public list "
            + "no longer shows the debtor. Full performance booked to the case takes the debtor off by itself (art. 10).")]
    [Function("RemoveDishonestDebtor")]
    public Task<IActionResult> Remove([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "enforcement/{caseId}/dishonest-listing/removal")] HttpRequest req, string caseId) =>
        endpoint.ActAsync<DishonestRemovalRequest>(req, "RemoveDishonestDebtor", caseId, remove.RunAsync);

    [ApiOperation("enforcement", "The president signs a listed debtor's consumption restriction order.",
        Request = typeof(ConsumptionRestrictionRequest), Response = typeof(EnforcementView), Problems = [400, 401, 403, 404, 409, 415, 422],
        Idempotent = true,
        Description = "The president signs the order restricting a listed debtor's high consumption (flights, soft sleepers, high-speed "
            + "trains, star hotels, property purchases, luxury cars, high-fee schools: SPC Provisions on Restricting High Consumption, "
            + "2015, "
            + "arts. 1, 3); it is lifted when the debt is performed (art. 9).")]
    [Function("SignConsumptionRestriction")]
    public Task<IActionResult> Sign([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "enforcement/{caseId}/consumption-restriction")] HttpRequest req, string caseId) =>
        endpoint.ActAsync<ConsumptionRestrictionRequest>(req, "SignConsumptionRestriction", caseId, sign.RunAsync);

    [ApiOperation("enforcement", "Anyone searches the public dishonest list by name.", Public = true,
        Response = typeof(DishonestDebtorsView),
        Problems = [400, 429],
        Description = "Anyone, without signing in, searches the dishonest list by the debtor's exact name, and optionally the last 4 "
            + "characters of the identity number to tell namesakes apart: name, identity number masked (a person's first 6 and last 4 "
            + "characters; an organisation's credit code is public), court, case number, ground and the day listed (SPC Provisions on the "
            + "Dishonest List, 2017, art. 6). A debtor taken off is not found. Rate-limited per address.")]
    [ApiParameter("name", "query", "The debtor's name, exactly.", Required = true)]
    [ApiParameter("idSuffix", "query", "The last 4 characters of the identity number or credit code.")]
    [Function("SearchDishonestDebtors")]
    public Task<IActionResult> Search([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dishonest-debtors")] HttpRequest req) =>
        endpoint.Public(req, "SearchDishonestDebtors", async () =>
        {
            var found = await search.RunAsync(new DishonestSearch(req.Query["name"], req.Query["idSuffix"]),
                req.HttpContext.RequestAborted);
            return new ApiResult(new DishonestDebtorsView(found.Select(l => new DishonestDebtorView(l.Name, l.IdNumber, l.Court,
                l.CaseNumber,
                l.Ground.WireName(), l.ListedSince.ToString("yyyy-MM-dd"))).ToList()));
        });
}
