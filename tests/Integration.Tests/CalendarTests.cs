using System.Text.Json;
using ECourt.Application.Calendar;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Filing;
using ECourt.Functions.Messaging;
using ECourt.Orchestrations.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// Holiday arrangements are data an administrator publishes, read by anyone, used by every deadline at once; publishing
/// counts again the open deadlines that depend on the year (never earlier than told; a passed one flagged, not re-opened).
/// </summary>
public class CalendarTests
{
    private static readonly string Admin = CourtTestHost.Staff("admin-qian", "admin");

    /// <summary>The 2019 notice of 2018-12-06 as first published (the same days as Domain.Tests' CourtCalendarTests).</summary>
    private static object Notice2019(IEnumerable<string>? extraWorkingDays = null) => new
    {
        title = "国务院办公厅关于2019年部分节假日安排的通知",
        noticeDate = "2018-12-06",
        holidays = new[]
        {
            new { from = "2018-12-30", to = "2019-01-01" }, new { from = "2019-02-04", to = "2019-02-10" },
            new { from = "2019-04-05", to = "2019-04-07" }, new { from = "2019-05-01", to = "2019-05-01" },
            new { from = "2019-06-07", to = "2019-06-09" }, new { from = "2019-09-13", to = "2019-09-15" },
            new { from = "2019-10-01", to = "2019-10-07" },
        },
        workingDays = new[] { "2018-12-29", "2019-02-02", "2019-02-03", "2019-09-29", "2019-10-12" }.Concat(extraWorkingDays
            ?? []).ToArray(),
    };

    private static Task<TestResponse> PutAsync(CourtTestHost host, string year, string? principal, object body) =>
        host.SendAsync("PUT", $"/api/calendars/{year}", principal, JsonSerializer.SerializeToUtf8Bytes(body), "application/json");

    [Fact]
    public async Task Publish2019_ThatNamesDaysOfTheYearBefore_ReadByAnyone_UsedByTheDeadlineCalculator()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        // Before the notice: Mon 2018-12-24 + 7 days ends on Mon 12-31, on weekends alone.
        var before = await host.GetAsync("/api/calendar/deadline?start=2018-12-24&period=7", null);
        Assert.Equal("2018-12-31", before.Json.GetProperty("deadline").GetString());
        Assert.Equal(404, (await host.GetAsync("/api/calendars/2019", null)).Status);

        Assert.Equal(403, (await PutAsync(host, "2019", CourtSteps.Clerk, Notice2019())).Status);
        var published = await PutAsync(host, "2019", Admin, Notice2019());
        Assert.Equal(200, published.Status);
        Assert.Equal("national", published.Json.GetProperty("scope").GetString());

        var read = await host.GetAsync("/api/calendars/2019", null);
        Assert.Equal(200, read.Status);
        var national = read.Json.GetProperty("national");
        Assert.False(read.Json.GetProperty("builtIn").GetBoolean());
        Assert.Equal("2018-12-06", national.GetProperty("noticeDate").GetString());
        Assert.Contains(national.GetProperty("holidays").EnumerateArray(),
            h => h.GetProperty("from").GetString() == "2018-12-30" && h.GetProperty("to").GetString() == "2019-01-01");
        Assert.Contains(national.GetProperty("workingDays").EnumerateArray(), d => d.GetString() == "2018-12-29");
        Assert.DoesNotContain("admin-qian", read.Text);

        // After it: 12-31 and 01-01 are holidays, so the period ends on Wed 2019-01-02; Sat 12-29 is a working day.
        Assert.Equal("2019-01-02", (await host.GetAsync("/api/calendar/deadline?start=2018-12-24&period=7",
            null)).Json.GetProperty("deadline").GetString());
        Assert.Equal("2018-12-29", (await host.GetAsync("/api/calendar/deadline?start=2018-12-22&period=7",
            null)).Json.GetProperty("deadline").GetString());

        // An arrangement no notice could give is refused naming its rule, and changes nothing.
        var weekday = await PutAsync(host, "2019", Admin, Notice2019(["2019-01-08"]));
        Assert.Equal(422, weekday.Status);
        Assert.Equal("urn:ecourt:problem:calendar-working-day-not-weekend", weekday.Json.GetProperty("type").GetString());
        Assert.DoesNotContain((await host.GetAsync("/api/calendars/2019", null)).Json.GetProperty("national").GetProperty("workingDays")
            .EnumerateArray(), d => d.GetString() == "2019-01-08");
        Assert.Equal(400, (await PutAsync(host, "20x9", Admin, Notice2019())).Status);
        // The built-in 2026 arrangement is shown as such.
        Assert.True((await host.GetAsync("/api/calendars/2026", null)).Json.GetProperty("builtIn").GetBoolean());
    }

    /// <summary>2098's arrangement: Wed Dec 3 to Fri Dec 5 holidays, Sat Dec 6 a working day.</summary>
    private static readonly object Arrangement2098 = new
    {
        title = "2098年部分节假日安排（测试）",
        noticeDate = "2097-11-01",
        holidays = new[] { new { from = "2098-12-03", to = "2098-12-05" } },
        workingDays = new[] { "2098-12-06" },
    };

    private static async Task<JsonElement> ReviewDeadlineAsync(CourtTestHost host, string caseId)
    {
        var view = (await host.GetAsync($"/api/cases/{caseId}", CourtTestHost.Principal("user-liu", "party"))).Json;
        return view.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == FilingStage.ReviewDeadline);
    }

    [Fact]
    public async Task PublishedYear_MovesAPendingDeadlineLater_WakesItsLifecycle_AndNeverMakesOneEarlierThanTold()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        // Thu 2098-11-27 + 7 = Thu 12-04 on weekends alone, provisional.
        var moved = await host.SubmittedAsync("user-liu");
        Assert.Equal("2098-12-04", (await ReviewDeadlineAsync(host, moved)).GetProperty("lastDay").GetString());
        Assert.True((await ReviewDeadlineAsync(host, moved)).GetProperty("provisional").GetBoolean());
        // Sat 11-29 + 7 = Sat 12-06: Mon 12-08 on weekends alone.
        host.Clock.SetUtcNow(CourtTestHost.China("2098-11-29T10:00"));
        var kept = await host.SubmittedAsync("user-liu");
        Assert.Equal("2098-12-08", (await ReviewDeadlineAsync(host, kept)).GetProperty("lastDay").GetString());
        await host.WaitForCustomStatusAsync(moved, s => s.NextDeadline == FilingStage.ReviewDeadline);

        var published = await PutAsync(host, "2098", Admin, Arrangement2098);
        Assert.Equal(200, published.Status);
        Assert.Equal(2, published.Json.GetProperty("recount").GetProperty("recounted").GetInt32());
        Assert.Equal(0, published.Json.GetProperty("recount").GetProperty("flagged").GetInt32());

        // 12-04 and 12-05 are holidays and Sat 12-06 a working day: the period ends on 12-06, no longer provisional.
        var later = await ReviewDeadlineAsync(host, moved);
        Assert.Equal("2098-12-06", later.GetProperty("lastDay").GetString());
        Assert.False(later.GetProperty("provisional").GetBoolean());
        var recount = await host.WaitForEventAsync(moved, "RecountDeadlines");
        Assert.Equal(new DateOnly(2098, 12, 6), recount.Review!.Deadline.LastDay);
        // The lifecycle was woken and waits for the deadline as recounted.
        await host.WaitForCustomStatusAsync(moved, s => s.NextDeadlineAt == CourtTestHost.China("2098-12-07T00:00"));

        // Counted again, the other ends on Sat 12-06, earlier than the Mon 12-08 the filer was told: 12-08 stands.
        var told = await ReviewDeadlineAsync(host, kept);
        Assert.Equal("2098-12-08", told.GetProperty("lastDay").GetString());
        Assert.False(told.GetProperty("provisional").GetBoolean());
    }

    [Fact]
    public async Task DeadlinePassedAsTold_WouldStillRunUnderThePublishedYear_FlaggedForTheClerk_NotReopened()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.SubmittedAsync("user-liu");
        await host.WaitForCustomStatusAsync(caseId, s => s.NextDeadline == FilingStage.ReviewDeadline);
        // Nobody kept the deadline (its lifecycle gone), and it ended on Thu 12-04 as told.
        await host.Client.TerminateInstanceAsync(CaseLifecycle.InstanceId(caseId));
        await host.Client.WaitForInstanceCompletionAsync(CaseLifecycle.InstanceId(caseId));
        host.Clock.SetUtcNow(CourtTestHost.China("2098-12-05T10:00"));

        var published = await PutAsync(host, "2098", Admin, Arrangement2098);
        Assert.Equal(1, published.Json.GetProperty("recount").GetProperty("flagged").GetInt32());

        // Not re-opened: the deadline stays as told, so the lifecycle the recount's signal starts (the old one is gone) keeps it
        // at once, as of 12-05; re-opened to 12-06, it would still be waiting.
        var registered = await host.WaitForStatusAsync(caseId, CaseStatus.AwaitingFee);
        Assert.True(registered.Review!.RegisteredOnDeadline);
        Assert.Equal(new DateOnly(2098, 12, 4), registered.Review!.Deadline.LastDay);
        var view = (await host.GetAsync($"/api/cases/{caseId}", CourtSteps.Clerk)).Json;
        var flag = Assert.Single(view.GetProperty("deadlineFlags").EnumerateArray());
        Assert.Equal(FilingStage.ReviewDeadline, flag.GetProperty("kind").GetString());
        Assert.Equal("2098-12-04", flag.GetProperty("toldLastDay").GetString());
        Assert.Equal("2098-12-06", flag.GetProperty("publishedLastDay").GetString());
    }

    [Fact]
    public async Task PublishedLongBeforeTheSweep_ADeadlineCountedWithoutIt_IsCountedAgain_AndOnlyOnce()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        // Another instance published 2098's arrangement two hours ago; this host has not read it yet (its refreshes failed).
        await host.Services.GetRequiredService<ICalendarStore>().PutAsync(new PublishedArrangement(2098, CalendarScope.National,
            CalendarYear.Create(2098, "2098年部分节假日安排（测试）", [(new(2098, 12, 3), new(2098, 12, 5))], [new(2098, 12, 6)],
                new DateOnly(2097, 11, 1)), "admin-qian", CourtTestHost.Future.AddHours(-2)));
        var caseId = await host.SubmittedAsync("user-liu");
        Assert.True((await ReviewDeadlineAsync(host, caseId)).GetProperty("provisional").GetBoolean());

        var sweep = ActivatorUtilities.CreateInstance<LifecycleSweepFunction>(host.Services);
        await sweep.RunAsync(host.Client, default);
        var counted = await ReviewDeadlineAsync(host, caseId);
        Assert.Equal("2098-12-06", counted.GetProperty("lastDay").GetString());
        Assert.False(counted.GetProperty("provisional").GetBoolean());

        // The next sweep finds nothing provisional left and writes nothing.
        var version = (await host.Store.GetAsync(caseId))!.Case.Version;
        await sweep.RunAsync(host.Client, default);
        Assert.Equal(version, (await host.Store.GetAsync(caseId))!.Case.Version);
    }

    [Fact]
    public async Task RegionalArrangement_ForAYearWithoutANationalOne_RefusedUntilTheNationalOneIsPublished()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var regional = new
        {
            scope = "regional",
            title = "黑龙江省2099年地方节假日安排（测试）",
            noticeDate = "2098-12-01",
            holidays = new[] { new { from = "2099-07-14", to = "2099-07-14" } },
        };
        var refused = await PutAsync(host, "2099", Admin, regional);
        Assert.Equal(409, refused.Status);
        Assert.Equal("urn:ecourt:problem:calendar-national-not-published", refused.Json.GetProperty("type").GetString());
        Assert.Equal(404, (await host.GetAsync("/api/calendars/2099", null)).Status);

        Assert.Equal(200, (await PutAsync(host, "2099", Admin, new
        {
            title = "2099年部分节假日安排（测试）",
            noticeDate = "2098-11-01",
            holidays = new[] { new { from = "2099-10-01", to = "2099-10-07" } },
        })).Status);
        Assert.Equal(200, (await PutAsync(host, "2099", Admin, regional)).Status);
        var read = (await host.GetAsync("/api/calendars/2099", null)).Json;
        Assert.Equal("2099-07-14", read.GetProperty("regional").GetProperty("holidays")[0].GetProperty("from").GetString());
    }
}
