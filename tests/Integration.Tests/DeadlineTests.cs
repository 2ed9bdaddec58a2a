using ECourt.Domain.Cases;
using ECourt.Domain.Fees;
using ECourt.Domain.Filing;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// Deadlines kept by durable timers. Court time is the host's clock: a test moves it past a deadline and wakes the
/// case's lifecycle, as the local host's clock route does, and sees what the orchestration does when the deadline ends.
/// </summary>
public class DeadlineTests
{
    /// <summary>A filing submitted at court time <paramref name="at"/>, its lifecycle waiting for the review deadline.</summary>
    private static async Task<string> SubmittedAt(CourtTestHost host, DateTimeOffset at, Dictionary<string, object?>? body = null)
    {
        host.Clock.SetUtcNow(at);
        var caseId = await host.SubmittedAsync("user-liu", body);
        await host.WaitForCustomStatusAsync(caseId, s => s.NextDeadline == "filing-review");
        return caseId;
    }

    [Fact]
    public async Task ReviewUndecided_AtDeadline_RegisteredFirst_RecordedAsSuch()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.China("2026-03-02T10:00"));
        var caseId = await SubmittedAt(host, CourtTestHost.China("2026-03-02T10:00"));
        await host.PassDeadlineAsync(caseId, "filing-review");
        var registered = await host.WaitForStatusAsync(caseId, CaseStatus.AwaitingFee);
        Assert.True(registered.Review!.RegisteredOnDeadline);
        Assert.NotNull(registered.CaseNumber);
        var file = (await host.Store.GetFileAsync(caseId))!;
        var e = file.Events.Single(x => x.Action == FilingActions.RegisterOnReviewDeadline.Name);
        Assert.Equal("system", e.ActorId);
        Assert.Contains("2026-03-09", e.Reason);
        // Decided by the system: the clerk can no longer decide it.
        Assert.Equal(409, (await host.ReviewAsync(caseId, "reject", "迟到的决定")).Status);
    }

    [Fact]
    public async Task ReviewDecidedBeforeDeadline_TimerCancelled_NotRegisteredTwice()
    {
        await using var host = await CourtTestHost.StartAsync(DateTimeOffset.UtcNow);
        var caseId = await host.SubmittedAsync("user-liu");
        var status = await host.WaitForCustomStatusAsync(caseId);
        Assert.Equal("filing-review", status.NextDeadline);
        Assert.Equal("Submitted", status.Status);
        await host.ReviewAsync(caseId, "reject", "不符合起诉条件");
        var end = await host.WaitForOrchestrationEndAsync(caseId);
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
        Assert.Equal(3, (await host.Store.GetFileAsync(caseId))!.Events.Count);
    }

    [Fact]
    public async Task CorrectionNotCured_AtCureDeadline_Returned()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.China("2026-03-02T10:00"));
        var caseId = await SubmittedAt(host, CourtTestHost.China("2026-03-02T10:00"));
        Assert.Equal(200, (await host.ReviewAsync(caseId, "correct", "缺少原告身份证明")).Status);
        await host.WaitForCustomStatusAsync(caseId, s => s.NextDeadline == "correction-cure");
        await host.PassDeadlineAsync(caseId, "correction-cure");
        var returned = await host.WaitForStatusAsync(caseId, CaseStatus.Returned);
        Assert.Equal(CaseStatus.Returned, returned.Status);
        var e = (await host.Store.GetFileAsync(caseId))!.Events.Last();
        Assert.Equal(FilingActions.ReturnUncorrectedFiling.Name, e.Action);
        Assert.Equal(CaseStatus.CorrectionRequested, e.From);
    }

    [Fact]
    public async Task FeeUnpaid_AfterPeriodAndGraceOverHolidays_FlaggedForJudge_ThenWithdrawn()
    {
        // Registered Thu 2026-09-24: 7 days end Oct 1, inside the National Day holiday (Oct 1–7), so the
        // period ends at 24:00 on Thu Oct 8; the grace is the next working day, Fri Oct 9.
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.China("2026-09-24T10:00"));
        var caseId = await SubmittedAt(host, CourtTestHost.China("2026-09-24T10:00"));
        var view = (await host.ReviewAsync(caseId, "accept")).Json;
        Assert.False(view.GetProperty("feeNotice").TryGetProperty("dueDate", out _));
        // The notice's SMS reaches the plaintiff the same day: the period runs from the day after.
        var served = await host.FeeNoticeServedAsync(caseId, CourtTestHost.China("2026-09-24T10:05"));
        Assert.Equal(new DateOnly(2026, 10, 8), served.FeeNotice!.DueDate);
        // The complaint copy, due to go by post within 5 days of registration, is flagged first; then the fee period passes.
        await host.PassDeadlineAsync(caseId, "complaint-dispatch");
        await host.WaitForEventAsync(caseId, "ComplaintDispatchOverdue");
        await host.WaitForCustomStatusAsync(caseId, s => s.NextDeadline == "fee-payment");
        await host.PassDeadlineAsync(caseId, "fee-payment");
        var overdue = await host.WaitForStatusAsync(caseId, CaseStatus.FeeOverdue);
        Assert.Equal(CourtTestHost.China("2026-10-10T00:00"), overdue.FeeNotice!.LedgerCheckAt);
        var flag = (await host.Store.GetFileAsync(caseId))!.Events.Last();
        Assert.Equal(FeesActions.FlagFeeOverdue.Name, flag.Action);
        Assert.True(flag.At >= overdue.FeeNotice!.LedgerCheckAt);

        var clerk = await host.PostJsonAsync($"/api/cases/{caseId}/withdrawal-ruling", CourtSteps.Clerk, new { reasons = new[] { "x" } });
        Assert.Equal(403, clerk.Status);
        var ruling = await host.PostJsonAsync($"/api/cases/{caseId}/withdrawal-ruling", CourtSteps.Judge,
            new { reasons = new[] { "逾期未交纳案件受理费" } });
        Assert.Equal(200, ruling.Status);
        Assert.Equal("DeemedWithdrawn", ruling.Json.GetProperty("status").GetString());
        var end = await host.WaitForOrchestrationEndAsync(caseId);
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, end.RuntimeStatus);
    }

    [Fact]
    public async Task FeeBookedBeforeEnd_ReportedDuringGrace_CountsAsPaid()
    {
        // Registered now (real time), so the ledger check lies in the future and the credit arrives first.
        await using var host = await CourtTestHost.StartAsync(DateTimeOffset.UtcNow);
        var caseId = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        var ends = (await host.FeeNoticeServedAsync(caseId)).FeeNotice!.PeriodEndsAt!.Value;
        // The bank reports it an hour after the period ended (time in transit), booked a minute before.
        host.Clock.SetUtcNow(ends.AddHours(1));
        await host.RaiseCreditAsync(caseId, "CCB", "late-report-1", 2300m, ends.AddMinutes(-1));
        var accepted = await host.WaitForStatusAsync(caseId, CaseStatus.Accepted);
        Assert.Equal(2300m, accepted.FeeNotice!.AmountPaidInTime);
        var settled = (await host.Store.GetFileAsync(caseId))!.Events.Last();
        Assert.Equal(ends.AddHours(1), settled.At);
    }

    [Fact]
    public async Task FeeBookedAfterEnd_NotInTime_StillFlagged()
    {
        await using var host = await CourtTestHost.StartAsync(DateTimeOffset.UtcNow);
        var caseId = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        var ends = (await host.FeeNoticeServedAsync(caseId)).FeeNotice!.PeriodEndsAt!.Value;
        // Booked as the period ended: counted as paid, not as paid in time (the credit is booked before RaiseCreditAsync returns).
        Assert.True(await host.RaiseCreditAsync(caseId, "CCB", "too-late-1", 2300m, ends));
        var c = (await host.Store.GetAsync(caseId))!.Case;
        Assert.Equal(CaseStatus.AwaitingFee, c.Status);
        Assert.Equal(2300m, c.FeeNotice!.AmountPaid);
        Assert.Equal(0m, c.FeeNotice!.AmountPaidInTime);
        // The lifecycle still keeps the fee deadline and, at its ledger check, flags the case: the late credit never settled it.
        await host.WaitForCustomStatusAsync(caseId, s => s.NextDeadline == "fee-payment");
        await host.PassDeadlineAsync(caseId, "fee-payment");
        var overdue = await host.WaitForStatusAsync(caseId, CaseStatus.FeeOverdue);
        Assert.Equal(0m, overdue.FeeNotice!.AmountPaidInTime);
        Assert.DoesNotContain((await host.Store.GetFileAsync(caseId))!.Events, e => e.Action == "SettleFee");
    }

    [Fact]
    public async Task FeeAidWithFiling_PeriodDoesNotRun_UntilTheDecisionAndTheNoticeAreServed()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.China("2026-03-02T10:00"));
        var body = Filings.Property("user-liu");
        body["feeAid"] = new { kind = "reduce", reasons = new[] { "家庭经济困难" } };
        var caseId = await SubmittedAt(host, CourtTestHost.China("2026-03-02T10:00"), body);
        var accepted = await host.ReviewAsync(caseId, "accept");
        Assert.Equal("FeeAidPending", accepted.Json.GetProperty("status").GetString());
        Assert.False(accepted.Json.GetProperty("feeNotice").TryGetProperty("dueDate", out _));

        // The case waits for the judge: no fee deadline is pending, so no timer runs.
        var waiting = await host.WaitForCustomStatusAsync(caseId, s => s.Status == "FeeAidPending");
        Assert.Null(waiting.NextDeadline);

        var decided = await host.PostJsonAsync($"/api/cases/{caseId}/fee-aid/decision", CourtSteps.Judge,
            new { decision = "grant", reducedAmount = "1000.00", reasons = new[] { "酌减" } });
        Assert.Equal(200, decided.Status);
        // The decision is the sentinel: up to it the case stayed FeeAidPending, and after the application recorded at
        // registration and the start of service nothing happened on it while it waited (no deadline kept, no fee flagged).
        var events = (await host.Store.GetFileAsync(caseId))!.Events.ToList();
        var registered = events.FindIndex(e => e.Action == "RegisterCase");
        var decision = events.FindIndex(e => e.Action == FeesActions.DecideFeeAid.Name);
        Assert.Equal(CaseStatus.FeeAidPending, events[decision].From);
        Assert.Equal(["ApplyForFeeAid", "StartServiceOfProcess"], events[(registered + 1)..decision].Select(e => e.Action));
        Assert.Equal("1000.00", decided.Json.GetProperty("feeNotice").GetProperty("amountDue").GetString());
        // Decided Mon 2026-03-02: no period yet; it runs from the day after the decision is served.
        Assert.False(decided.Json.GetProperty("feeNotice").TryGetProperty("dueDate", out _));

        // The decision reaches the plaintiff on Tue 03-03, but the fee notice itself never has: still no period.
        host.Clock.SetUtcNow(CourtTestHost.China("2026-03-03T10:00"));
        await host.SmsDeliveredAsync(caseId, "fee-aid-decision", CourtTestHost.China("2026-03-03T10:00"));
        var decisionServed = await host.WaitForEventAsync(caseId, "FeeAidDecisionServed");
        Assert.Null(decisionServed.FeeNotice!.DueDate);
        Assert.DoesNotContain(CaseDeadlines.Pending(decisionServed, host.Clock.GetUtcNow(),
            host.Services.GetRequiredService<ECourt.Domain.Calendar.DeadlineCalculator>()), d => d.Kind == FeesStage.PaymentDeadline);

        // The notice reaches it on Wed 03-04: the period runs from the later service, 7 days from Thu 03-05, due Wed 03-11.
        host.Clock.SetUtcNow(CourtTestHost.China("2026-03-04T10:00"));
        var served = await host.FeeNoticeServedAsync(caseId, CourtTestHost.China("2026-03-04T10:00"));
        Assert.Equal(new DateOnly(2026, 3, 11), served.FeeNotice!.DueDate);
        await host.WaitForCustomStatusAsync(caseId, s => s.NextDeadline == "fee-payment");
        await host.PassDeadlineAsync(caseId, "fee-payment");
        await host.WaitForStatusAsync(caseId, CaseStatus.FeeOverdue);
    }
}
