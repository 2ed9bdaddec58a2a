using System.Globalization;
using ECourt.Application.Cases;
using ECourt.Domain.Calendar;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Calendar;

/// <summary>GET /api/calendar/deadline: the court's deadline calculator (CPL art. 85).</summary>
public sealed class DeadlineFunction(ApiEndpoint endpoint, DeadlineCalculator deadlines)
{
    public sealed record DeadlineAnswer(string Start, int Period, PeriodUnit Unit, string Deadline, DateTimeOffset EndsAt,
        bool Provisional, string Basis);

    [ApiOperation("calendar", "The last day of a period that starts the day after start (CPL art. 85).", Public = true,
        Response = typeof(DeadlineAnswer),
        Problems = [400, 429], Headers = ["ETag"],
        Description = "Anyone, without signing in, counts a period as the court does (CPL art. 85): the start day is not counted, and a "
            + "period that ends on a weekend or public holiday of the court calendar ends on the next working day (`unit=working-days` "
            + "counts working days only). The answer gives the last day, the instant the period ends (24:00 China time) and the rule "
            + "applied. When the year's holiday arrangement is not loaded yet `provisional` is true and the day may still move: show it "
            + "as provisional.")]
    [ApiParameter("start", "query", "The day the period runs from.", Required = true, Format = "date")]
    [ApiParameter("period", "query", "1 to 3650.", Required = true, Type = "integer")]
    [ApiParameter("unit", "query", "The period's unit (default days).", Enum = typeof(Domain.Calendar.PeriodUnit))]
    [Function("CalendarDeadline")]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calendar/deadline")] HttpRequest req) =>
        endpoint.Public(req, "CalendarDeadline", () =>
        {
            var v = new Validation();
            var q = req.Query;
            v.Check(DateOnly.TryParseExact(q["start"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start),
                "start", "A calendar date yyyy-MM-dd.");
            v.Check(int.TryParse(q["period"], NumberStyles.None, CultureInfo.InvariantCulture, out var period)
                && period is >= 1 and <= DeadlineCalculator.MaxPeriod,
                "period", $"A whole number from 1 to {DeadlineCalculator.MaxPeriod}.");
            var unit = string.IsNullOrEmpty(q["unit"]) ? PeriodUnit.Days : v.Enum<PeriodUnit>(q["unit"], "unit");
            v.ThrowIfAny();
            var d = deadlines.Compute(start, period, unit!.Value);
            return Task.FromResult<IActionResult>(new ApiResult(new DeadlineAnswer(start.ToString("yyyy-MM-dd"), period, unit.Value,
                d.LastDay.ToString("yyyy-MM-dd"), d.EndsAt, d.Provisional, d.Basis)));
        });
}
