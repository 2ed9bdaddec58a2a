using ECourt.Application.Calendar;
using ECourt.Domain.Calendar;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Calendar;

/// <summary>
/// The court calendar as data: anyone reads a year's arrangement; an administrator publishes one (the State Council's
/// notice, or the deployment's own for its region), and every open deadline that depends on the year is counted again.
/// </summary>
public sealed class CalendarFunctions(ApiEndpoint endpoint, ReadCalendar read, PublishCalendar publish)
{
    public sealed record HolidayRunView(string From, string To);

    /// <param name="NoticeDate">the notice's date, yyyy-MM-dd</param>
    public sealed record ArrangementView(string Title, string? NoticeDate, IReadOnlyList<HolidayRunView> Holidays,
        IReadOnlyList<string> WorkingDays,
        DateTimeOffset? PublishedAt)
    {
        public static ArrangementView From(CalendarYear y, DateTimeOffset? publishedAt) => new(y.Source,
            y.NoticeDate?.ToString("yyyy-MM-dd"),
            y.HolidayRanges.Select(r => new HolidayRunView(r.From.ToString("yyyy-MM-dd"), r.To.ToString("yyyy-MM-dd"))).ToList(),
            y.AdjustedWorkingDays.Select(d => d.ToString("yyyy-MM-dd")).ToList(), publishedAt is { } at ? ChinaTime.ToChinaTime(at) : null);
    }

    /// <param name="BuiltIn">true when the national arrangement is the one this release carries, none having been published here</param>
    public sealed record CalendarView(int Year, bool BuiltIn, ArrangementView National, ArrangementView? Regional);

    /// <param name="Cases">cases whose deadlines depend on the year</param>
    /// <param name="Recounted">cases whose deadlines moved or lost their provisional mark</param>
    /// <param name="Flagged">deadlines that passed as told but would still run: flagged for the clerk</param>
    public sealed record RecountView(int Cases, int Recounted, int Flagged);

    public sealed record PublishedView(CalendarScope Scope, CalendarView Calendar, RecountView Recount);

    private static CalendarView View(ReadCalendar.Year y) => new(y.Number, y.BuiltIn, ArrangementView.From(y.National,
        y.Published?.PublishedAt),
        y.Regional is { } r ? ArrangementView.From(r.Arrangement, r.PublishedAt) : null);

    [ApiOperation("calendar", "A year's holiday arrangement: the national one and the deployment's own, as published.", Public = true,
        Response = typeof(CalendarView), Problems = [404, 429], Headers = ["ETag"],
        Description = "Anyone, without signing in, reads the holiday arrangement the court counts deadlines with in a year: the State "
            + "Council's national one (`builtIn` true while it is the one this release carries, none having been published here) and the "
            + "deployment's regional one, if published. 404 for a year the court does not keep or has no arrangement for (its deadlines "
            + "are provisional). It changes only when an administrator publishes an arrangement: revalidate with its ETag.")]
    [Function("GetCalendar")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calendars/{year}")] HttpRequest req,
        string year) =>
        endpoint.Public(req, "GetCalendar", async () => new ApiResult(View(await read.RunAsync(year, req.HttpContext.RequestAborted))));

    [ApiOperation("calendar", "Publish a year's arrangement; every open deadline that depends on the year is counted again.",
        Request = typeof(CalendarRequest), Response = typeof(PublishedView), Problems = [400, 401, 403, 409, 415, 422],
        Description = "An administrator (role admin) publishes a year's holiday arrangement: the State Council's notice (`scope` "
            + "national) or, once the year's national one is published, the deployment's regional one. Every open deadline that depends "
            + "on the year is counted again on the new calendar (CPL art. 85): never earlier than the parties were told, and one that "
            + "passed as told but would still run is flagged for the clerk. The answer is the calendar as it now stands with the counts; "
            + "publishing the same arrangement again changes nothing.")]
    [Function("PublishCalendar")]
    public Task<IActionResult> Publish([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "calendars/{year}")] HttpRequest req,
        string year) =>
        endpoint.SignedIn(req, "PublishCalendar", async caller =>
        {
            var published = await publish.RunAsync(year, caller, await RequestBody.ReadJsonAsync<CalendarRequest>(req),
                req.HttpContext.RequestAborted);
            var calendar = await read.RunAsync(year, req.HttpContext.RequestAborted);
            var r = published.Recount;
            return new ApiResult(new PublishedView(published.Arrangement.Scope, View(calendar), new RecountView(r.Cases, r.Recounted,
                r.Flagged)));
        });
}
