using ECourt.Application.Hearings;
using ECourt.Domain.Hearings;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Hearings;

/// <summary>The hearings stage's routes: scheduling a hearing, postponing, cancelling and recording it.</summary>
public sealed class HearingFunctions(ApiEndpoint endpoint, ScheduleHearing schedule, PostponeHearing postpone, CancelHearing cancel,
    RecordHearing record, ReadHearingCalendar calendar, JoinHearing join)
{
    [ApiOperation("hearings", "A summoned party or its lawyer gets its personal link to an online hearing, its identity verified again.",
        Response = typeof(HearingLinkView), Problems = [401, 403, 404, 409, 422], Headers = ["ETag"],
        Description =
            "A summoned party or its lawyer gets its own link to an online hearing on the hearing's day (China time): the video "
            + "platform's address with a token signed for this hearing, case and user, expiring at the end of that day. Identity is "
            + "verified again for each online hearing (Online Litigation Rules art. 7): the caller's sign-in must carry a verification "
            + "that passed within 30 minutes, which is recorded on the case (method, time, result); without one, 422 "
            + "online-hearing-identity-not-verified. Show the link in the app only: never send it by SMS.")]
    [Function("JoinHearing")]
    public Task<IActionResult> Join([HttpTrigger(AuthorizationLevel.Anonymous, "get",
        Route = "cases/{caseId}/hearings/{hearingId}/join")] HttpRequest req, string caseId, string hearingId) =>
        endpoint.OnCase(req, "JoinHearing", caseId, async grant =>
        {
            var link = await join.RunAsync(grant, hearingId, req.HttpContext.RequestAborted);
            return new ApiResult(new HearingLinkView(link.HearingId, link.Url, Domain.Calendar.ChinaTime.ToChinaTime(link.ExpiresAt)));
        });

    [ApiOperation("hearings", "The public hearing calendar: a court's hearings scheduled on a day.", Public = true,
        Response = typeof(ListAnswer<CalendarHearingView>), Problems = [400, 429], Headers = ["ETag"],
        Description =
            "Anyone, without signing in, reads the hearings a court has scheduled on a day (China time), earliest first: date, time, "
            + "courtroom (none online), case number, cause, online and streamed. A hearing not held in public shows its case number and "
            + "public false, no cause (CPL art. 137); no hearing shows a party's name or anything personal. A hearing postponed, "
            + "cancelled or held leaves the day it was on.")]
    [ApiParameter("date", "query", "The day, yyyy-MM-dd (China time).", Required = true)]
    [ApiParameter("court", "query", "The court's code, such as 黑01.", Required = true)]
    [Function("HearingCalendar")]
    public Task<IActionResult> Calendar([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "hearings")] HttpRequest req) =>
        endpoint.Public(req, "HearingCalendar", async () =>
        {
            var listed = await calendar.RunAsync(req.Query["date"], req.Query["court"], req.HttpContext.RequestAborted);
            return new ApiResult(new ListAnswer<CalendarHearingView>(listed.Select(CalendarHearingView.Of).ToList(), null));
        });

    [ApiOperation("hearings", "The case's judge or clerk schedules a hearing; the summons is served on every party.",
        Request = typeof(ScheduleHearingRequest), Response = typeof(Cases.HearingView), Status = 201,
        Problems = [400, 401, 403, 404, 409, 415, 422], Idempotent = true,
        Description =
            "The case's judge or clerk schedules a hearing of a case whose evidence is exchanged (or, after one was held or cancelled, "
            + "another): its start, its courtroom (none online), public or not (CPL art. 137), streamed or not (a closed hearing is not "
            + "streamed). In ordinary procedure it starts no earlier than the day after the 3 whole days that follow today (CPL art. 139; "
            + "CPL Interpretation art. 227: 422 hearing-notice-too-short); simplified and small-claims cases summon by simple means "
            + "without that minimum (CPL art. 162). The summons is served on every party; the case becomes HearingScheduled.")]
    [Function("ScheduleHearing")]
    public Task<IActionResult> Schedule([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/hearings")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "ScheduleHearing", caseId, async grant =>
        {
            var (saved, hearing) = await schedule.RunAsync(grant, await RequestBody.ReadJsonAsync<ScheduleHearingRequest>(req),
                req.HttpContext.RequestAborted);
            return new ApiResult(HearingViews.Of(saved.Case.Hearings!.Find(hearing.HearingId)!), StatusCodes.Status201Created);
        });

    [ApiOperation("hearings", "The case's judge postpones a scheduled hearing to a new start; the new summons is served on every party.",
        Request = typeof(PostponeHearingRequest), Response = typeof(Cases.HearingView), Status = 201,
        Problems = [400, 401, 403, 404, 409, 415, 422], Idempotent = true,
        Description =
            "The case's judge postpones a hearing as summoned, with reasons (CPL art. 149): it becomes adjourned and a new hearing at the "
            + "new start, in the same place, is scheduled under the same rules as scheduling (CPL art. 139 in ordinary procedure). The "
            + "answer is the new hearing; its summons, which tells of the postponement, is served on every party.")]
    [Function("PostponeHearing")]
    public Task<IActionResult> Postpone([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/hearings/{hearingId}/postpone")] HttpRequest req, string caseId, string hearingId) =>
        endpoint.OnCase(req, "PostponeHearing", caseId, async grant =>
        {
            var (saved, hearing) = await postpone.RunAsync(grant, hearingId, await RequestBody.ReadJsonAsync<PostponeHearingRequest>(req),
                req.HttpContext.RequestAborted);
            return new ApiResult(HearingViews.Of(saved.Case.Hearings!.Find(hearing.HearingId)!), StatusCodes.Status201Created);
        });

    [ApiOperation("hearings", "The case's judge cancels a scheduled hearing; the notice of cancellation is served on every party.",
        Request = typeof(CancelHearingRequest), Response = typeof(Cases.HearingView), Problems = [400, 401, 403, 404, 409, 415, 422],
        Idempotent = true,
        Description =
            "The case's judge cancels a hearing as summoned, with reasons: it becomes cancelled, the notice of cancellation is served on "
            + "every party, and the case waits in HearingScheduled for the next hearing to be scheduled.")]
    [Function("CancelHearing")]
    public Task<IActionResult> Cancel([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/hearings/{hearingId}/cancel")] HttpRequest req, string caseId, string hearingId) =>
        endpoint.OnCase(req, "CancelHearing", caseId, async grant =>
        {
            var (saved, hearing) = await cancel.RunAsync(grant, hearingId, await RequestBody.ReadJsonAsync<CancelHearingRequest>(req),
                req.HttpContext.RequestAborted);
            return new ApiResult(HearingViews.Of(saved.Case.Hearings!.Find(hearing.HearingId)!));
        });

    [ApiOperation("hearings", "The case's judge or clerk records a hearing held: every party's attendance and the minutes.",
        Request = typeof(RecordHearingRequest), Response = typeof(HearingRecordView), Status = 201,
        Problems = [400, 401, 403, 404, 409, 415, 422], Idempotent = true,
        Description =
            "The case's judge or clerk records a hearing held, once its start has come: every party's attendance once, with the reason "
            + "an absent party gave, and the minutes uploaded first with the kind minutes (CPL art. 150). An absence without a reason is "
            + "recorded with what the judge may make of it: a plaintiff treated as withdrawing (CPL art. 146), a defendant judged by "
            + "default (art. 147). The case becomes Heard.")]
    [Function("RecordHearing")]
    public Task<IActionResult> Record([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/hearings/{hearingId}/record")] HttpRequest req, string caseId, string hearingId) =>
        endpoint.OnCase(req, "RecordHearing", caseId, async grant =>
        {
            var (saved, recorded) = await record.RunAsync(grant, hearingId, await RequestBody.ReadJsonAsync<RecordHearingRequest>(req),
                req.HttpContext.RequestAborted);
            return new ApiResult(HearingViews.Of(saved.Case.Hearings!.Find(hearingId)!, recorded), StatusCodes.Status201Created);
        });
}
