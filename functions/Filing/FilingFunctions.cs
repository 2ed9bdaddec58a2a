using System.Security.Cryptography;
using ECourt.Application.Filing;
using ECourt.Functions.Cases;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Filing;

/// <summary>The filer's side of a filing: create the draft, submit it, answer a correction request.</summary>
public sealed class FilingFunctions(ApiEndpoint endpoint, FileCase file, SubmitFiling submit, SubmitCorrections corrections,
    CaseViews views)
{
    [ApiOperation("filing", "Create a filing as a Draft.", Request = typeof(Application.Filing.FilingRequest),
        Response = typeof(CaseView), Status = 201,
        Problems = [400, 401, 403, 409, 413, 415, 422], Idempotent = true, Headers = ["ETag", "Location"],
        Description = "A party or a lawyer (role party or lawyer) files a first-instance case online. It is created as a Draft only the "
            + "filing side sees, with fee aid applied for with it when `feeAid` is given; the court is the deployment's unless `court` "
            + "names another it serves. The filer must be one of the plaintiffs or act for one (422 filer-not-a-party), and identity "
            + "numbers and credit codes are checked (GB 11643, GB 32100). Next upload the complaint (kind complaint) and submit; send an "
            + "Idempotency-Key so a retry never files twice.")]
    [Function("CreateFiling")]
    public Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases")] HttpRequest req) =>
        endpoint.SignedIn(req, "CreateFiling", async caller =>
        {
            var key = IdempotencyKey.Read(req);
            var body = await RequestBody.ReadJsonBytesAsync(req);
            var request = RequestBody.Parse<FilingRequest>(body);
            var created = await file.RunAsync(request, caller, Convert.ToHexStringLower(SHA256.HashData(body)), key,
                req.HttpContext.RequestAborted);
            return CaseFunctions.Answer(views, caller, created, StatusCodes.Status201Created).WithHeader("Location",
                $"/api/cases/{created.Case.CaseId}");
        });

    [ApiOperation("filing", "Submit a draft for review; refused without a complaint document.", Response = typeof(CaseView),
        Problems = [400, 401, 403, 404, 409, 412, 422], Idempotent = true, IfMatch = true, Headers = ["ETag"],
        Description = "The filer, a plaintiff or a plaintiff's representative submits a Draft for review once its complaint is uploaded "
            + "(CPL art. 124; 422 complaint-required). The case becomes Submitted and joins its court's review queue, and the 7-day "
            + "review period starts (CPL art. 126): the case's `deadlines` show when it ends. Submitting again changes nothing.")]
    [Function("SubmitFiling")]
    public Task<IActionResult> Submit([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/submit")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "SubmitFiling", caseId, async grant =>
            CaseFunctions.Answer(views, grant, await submit.RunAsync(grant, RequestHeaders.IfMatch(req), req.HttpContext.RequestAborted)));

    [ApiOperation("filing", "Answer a correction request; the review period starts again.",
        Request = typeof(Application.Filing.CorrectionsRequest),
        Response = typeof(CaseView), Problems = [400, 401, 403, 404, 409, 412, 415, 422], Idempotent = true, IfMatch = true,
        Headers = ["ETag"],
        Description = "The filer, a plaintiff or a plaintiff's representative answers the clerk's correction request (status "
            + "CorrectionRequested) with the fields that change and the ids of documents uploaded since; a field left out stays as it "
            + "was. The case is Submitted again and the 7-day review period starts again (SPC Provisions on Case Filing Registration, "
            + "2015). A filing not corrected by the deadline the case's `deadlines` show is returned.")]
    [Function("SubmitCorrections")]
    public Task<IActionResult> Corrections([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/corrections")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "SubmitCorrections", caseId, async grant => CaseFunctions.Answer(views, grant,
            await corrections.RunAsync(grant,
            await RequestBody.ReadJsonAsync<CorrectionsRequest>(req), RequestHeaders.IfMatch(req), req.HttpContext.RequestAborted)));
}
