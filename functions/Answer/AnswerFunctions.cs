using ECourt.Application.Answer;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Answer;

/// <summary>The defendant's routes of the answer and evidence stage: filing the answer and objecting to jurisdiction.</summary>
public sealed class AnswerFunctions(ApiEndpoint endpoint, FileAnswer answer, ObjectToJurisdiction objection)
{
    [ApiOperation("answer", "A defendant or its lawyer files the answer from documents uploaded with the kind answer.",
        Request = typeof(AnswerRequest), Response = typeof(AnswersFiledView), Status = 201, Problems = [400, 401, 403, 404, 409, 415, 422],
        Idempotent = true,
        Description =
            "A defendant or its lawyer files the answer (CPL art. 128) from documents its side uploaded with the kind answer, once for "
            + "each defendant it acts for, from acceptance until the hearing stage. One filed after the answer period (15 days from "
            + "service of the complaint copy) is taken and marked late; its documents reach every party.")]
    [Function("FileAnswer")]
    public Task<IActionResult> File([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/answers")] HttpRequest req,
        string caseId) =>
        endpoint.OnCase(req, "FileAnswer", caseId, async grant => new ApiResult(AnswersFiledView.From(await answer.RunAsync(grant,
            await RequestBody.ReadJsonAsync<AnswerRequest>(req), req.HttpContext.RequestAborted)), StatusCodes.Status201Created));

    [ApiOperation("answer", "A defendant or its lawyer objects to the court's jurisdiction within the answer period.",
        Request = typeof(JurisdictionObjectionRequest), Response = typeof(ObjectionView), Status = 201,
        Problems = [400, 401, 403, 404, 409, 415, 422], Idempotent = true,
        Description =
            "A defendant or its lawyer objects to the court's jurisdiction with reasons, and may name the court it says should hear the "
            + "case, within the answer period (CPL art. 130; 422 jurisdiction-objection-late after it). The objection is recorded for "
            + "the judge, and the trial time limit stands still from that day until the ruling (CPL Interpretation art. 243).")]
    [Function("ObjectToJurisdiction")]
    public Task<IActionResult> Object([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/jurisdiction-objections")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "ObjectToJurisdiction", caseId, async grant => new ApiResult(ObjectionView.From(await objection.RunAsync(
            grant, await RequestBody.ReadJsonAsync<JurisdictionObjectionRequest>(req), req.HttpContext.RequestAborted)),
            StatusCodes.Status201Created));
}
