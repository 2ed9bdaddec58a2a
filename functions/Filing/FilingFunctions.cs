using System.Security.Cryptography;
using ECourt.Application.Filing;
using ECourt.Domain.Access;
using ECourt.Functions.Cases;
using ECourt.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Filing;

/// <summary>The filer's side of a filing: create the draft, submit it, answer a correction request.</summary>
public sealed class FilingFunctions(ApiEndpoint endpoint, FileCase file, SubmitFiling submit, SubmitCorrections corrections, CaseViews views)
{
    [Function("CreateFiling")]
    public Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases")] HttpRequest req) =>
        endpoint.SignedIn(req, async caller =>
        {
            var key = IdempotencyKey.Read(req);
            var body = await RequestBody.ReadJsonBytesAsync(req);
            var request = RequestBody.Parse<FilingRequest>(body);
            var created = await file.RunAsync(request, caller, Convert.ToHexStringLower(SHA256.HashData(body)), key, req.HttpContext.RequestAborted);
            return CaseFunctions.Answer(views, created, StatusCodes.Status201Created).WithHeader("Location", $"/api/cases/{created.Case.CaseId}");
        }, Roles.Party, Roles.Lawyer);

    [Function("SubmitFiling")]
    public Task<IActionResult> Submit([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/submit")] HttpRequest req, string caseId) =>
        endpoint.SignedIn(req, async caller =>
            CaseFunctions.Answer(views, await submit.RunAsync(caseId, caller, RequestHeaders.IfMatch(req), req.HttpContext.RequestAborted)));

    [Function("SubmitCorrections")]
    public Task<IActionResult> Corrections([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/corrections")] HttpRequest req, string caseId) =>
        endpoint.SignedIn(req, async caller => CaseFunctions.Answer(views, await corrections.RunAsync(caseId, caller,
            await RequestBody.ReadJsonAsync<CorrectionsRequest>(req), RequestHeaders.IfMatch(req), req.HttpContext.RequestAborted)));
}
