using ECourt.Adapters.Storage;
using ECourt.Application.Documents;
using ECourt.Application.Fees;
using ECourt.Domain.Cases;
using ECourt.Domain.Fees;
using ECourt.Domain.Payments;
using ECourt.Domain.TrialLimit;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>Draft → submit → review → registered → fee paid → Accepted, through HTTP and the orchestration.</summary>
public class FilingLifecycleTests
{
    private static bool Started(System.Text.Json.JsonElement service) => service.GetProperty("attempts").GetArrayLength() == 1;

    [Fact]
    public async Task Filing_ThroughReviewAndFee_Accepted()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.SubmittedAsync("user-liu");

        var queue = await host.GetAsync("/api/review-queue", CourtSteps.Clerk);
        Assert.Equal(200, queue.Status);
        Assert.Contains(queue.Json.GetProperty("items").EnumerateArray(), i => i.GetProperty("caseId").GetString() == caseId);

        var accepted = await host.ReviewAsync(caseId, "accept");
        Assert.Equal(200, accepted.Status);
        var view = accepted.Json;
        Assert.Equal("AwaitingFee", view.GetProperty("status").GetString());
        Assert.Equal("（2098）黑01民初1号", view.GetProperty("caseNumber").GetString());
        var fee = view.GetProperty("feeNotice");
        Assert.Equal("2300.00", fee.GetProperty("amountDue").GetString());
        // Issued, not yet served: the period has not started.
        Assert.False(fee.TryGetProperty("dueDate", out _));
        // Served the same day: Thu 2098-11-27 + 7 days = Thu 2098-12-04, a weekday; 2098 has no loaded arrangement, so provisional.
        var served = (await host.FeeNoticeServedAsync(caseId)).FeeNotice!;
        Assert.Equal(new DateOnly(2098, 12, 4), served.DueDate);
        Assert.True(served.DueDateProvisional);
        var account = fee.GetProperty("accountNumber").GetString()!;
        Assert.True(VirtualAccountNumber.IsValid(account));

        // Gone from the queue once decided.
        var after = await host.GetAsync("/api/review-queue", CourtSteps.Clerk);
        Assert.DoesNotContain(after.Json.GetProperty("items").EnumerateArray(), i => i.GetProperty("caseId").GetString() == caseId);

        await host.RaiseCreditAsync(caseId, "ICBC", "20261127-000001", 2300m, CourtTestHost.China("2098-11-27T09:30"));
        await host.WaitForStatusAsync(caseId, CaseStatus.Accepted);
        // Open, with nothing to keep but the trial time limit's warning until the complaint copy is served (once the case is
        // assigned): the lifecycle waits, it does not end.
        Assert.Equal(TrialLimitModule.WarningDeadline, (await host.WaitForLifecycleWaitingAsync(caseId, CaseStatus.Accepted)).NextDeadline);

        var read = await host.GetAsync($"/api/cases/{caseId}", CourtTestHost.Principal("user-liu", "party"));
        Assert.Equal(200, read.Status);
        Assert.False(string.IsNullOrEmpty(read.Headers.ETag));
        var c = read.Json;
        Assert.Equal("Accepted", c.GetProperty("status").GetString());
        Assert.Equal("2300.00", c.GetProperty("feeNotice").GetProperty("amountPaid").GetString());
        Assert.True(c.GetProperty("feeNotice").GetProperty("paid").GetBoolean());
        var actions = c.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["CreateFiling", "SubmitFiling", "RegisterCase", "StartServiceOfProcess", "FeeNoticeServed", "SettleFee",
            "CaseAssigned"], actions);
        var settle = c.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "SettleFee");
        Assert.Equal("AwaitingFee", settle.GetProperty("from").GetString());
        Assert.Equal("Accepted", settle.GetProperty("to").GetString());
        Assert.Equal("system", settle.GetProperty("actor").GetString());

        // Accepted, the case goes to the civil division's judge and clerk by the court's rule, and onto their lists.
        var assignment = (await host.GetAsync($"/api/cases/{caseId}", CourtSteps.Judge)).Json.GetProperty("assignment");
        Assert.Equal("judge-zhao", assignment.GetProperty("judge").GetString());
        Assert.Equal("clerk-wang", assignment.GetProperty("clerk").GetString());
        Assert.Equal("civil", assignment.GetProperty("division").GetString());
        Assert.False(c.TryGetProperty("assignment", out _));
        var judges = await host.GetAsync("/api/cases", CourtSteps.Judge);
        Assert.Contains(judges.Json.GetProperty("items").EnumerateArray(), i => i.GetProperty("caseId").GetString() == caseId);

        var mine = await host.GetAsync("/api/cases", CourtTestHost.Principal("user-liu", "party"));
        Assert.Equal(caseId, mine.Json.GetProperty("items")[0].GetProperty("caseId").GetString());
        Assert.Equal("Accepted", mine.Json.GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Fee_HalfThenRest_AcceptedOnlyWhenFull_DuplicateAppliedOnce()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;

        Assert.True(await host.RaiseCreditAsync(caseId, "ICBC", "T1", 1150m, CourtTestHost.China("2098-11-27T09:00")));
        // The same transaction again, and the same id from another bank: two banks' ids are different credits.
        Assert.False(await host.RaiseCreditAsync(caseId, "ICBC", "T1", 1150m, CourtTestHost.China("2098-11-27T09:00")));
        // A credit is booked before RaiseCreditAsync returns: the ledger is as the two bookings left it.
        var file = (await host.Store.GetFileAsync(caseId))!;
        Assert.Single(file.Ledger);
        Assert.Equal(CaseStatus.AwaitingFee, file.Case.Status);
        Assert.Equal(1150m, file.Case.FeeNotice!.AmountPaid);

        // The other bank's credit comes after the duplicate: once it has settled the fee, the ledger holds each credit once.
        Assert.True(await host.RaiseCreditAsync(caseId, "ABC", "T1", 1150m, CourtTestHost.China("2098-11-28T09:00")));
        var accepted = await host.WaitForStatusAsync(caseId, CaseStatus.Accepted);
        Assert.Equal(2300m, accepted.FeeNotice!.AmountPaid);
        var ledger = (await host.Store.GetFileAsync(caseId))!.Ledger;
        Assert.Equal(["ABC:T1", "ICBC:T1"], ledger.Select(l => l.EntryId).Order().ToList());
    }

    [Fact]
    public async Task ManyEventsAcrossRounds_ReplayedDeterministically_EachAppliedOnce()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        var instance = Orchestrations.Cases.CaseLifecycle.InstanceId(caseId);
        // Signals, duplicates and partial credits interleaved: each round replays its history and ends in ContinueAsNew.
        var raises = new List<Task>();
        for (var i = 0; i < 5; i++)
        {
            raises.Add(host.Client.RaiseEventAsync(instance, Orchestrations.Cases.CaseLifecycle.SignalEvent,
                new Orchestrations.Cases.CaseSignal(i, "noise")));
            raises.Add(host.RaiseCreditAsync(caseId, "BOC", $"P{i}", 400m, CourtTestHost.China("2098-11-27T10:00")));
            raises.Add(host.RaiseCreditAsync(caseId, "BOC", $"P{i}", 400m, CourtTestHost.China("2098-11-27T10:00")));
            raises.Add(host.Client.RaiseEventAsync(instance, Orchestrations.Cases.CaseLifecycle.SignalEvent,
                new Orchestrations.Cases.CaseSignal(i, "duplicate")));
        }
        await Task.WhenAll(raises);
        // Every credit is booked before its RaiseCreditAsync returns: the ledger is final for these ten.
        var file = (await host.Store.GetFileAsync(caseId))!;
        Assert.Equal(5, file.Ledger.Count);
        Assert.Equal(2000m, file.Case.FeeNotice!.AmountPaid);
        Assert.Equal(CaseStatus.AwaitingFee, file.Case.Status);

        // The last credit settles the fee: after it, each of the earlier credits is in the ledger once.
        await host.RaiseCreditAsync(caseId, "BOC", "P5", 300m, CourtTestHost.China("2098-11-27T11:00"));
        await host.WaitForLifecycleWaitingAsync(caseId, CaseStatus.Accepted);
        var final = (await host.Store.GetFileAsync(caseId))!;
        Assert.Equal(["BOC:P0", "BOC:P1", "BOC:P2", "BOC:P3", "BOC:P4", "BOC:P5"], final.Ledger.Select(l => l.EntryId).Order().ToList());
        Assert.Equal(CaseStatus.Accepted, final.Case.Status);
        Assert.Equal(final.Events.Count, final.Events.Select(e => e.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task Create_SameIdempotencyKey_SameCase_DifferentBody_Refused()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var first = await host.CreateAsync("user-liu", key: "filing-1");
        var again = await host.CreateAsync("user-liu", key: "filing-1");
        Assert.Equal(first, again);
        var file = (await host.Store.GetFileAsync(first))!;
        Assert.Single(file.Events);

        var other = Filings.Property("user-liu", "5000.00");
        var reused = await host.PostJsonAsync("/api/cases", CourtTestHost.Principal("user-liu", "party"), other,
            new Dictionary<string, string> { ["Idempotency-Key"] = "filing-1" });
        Assert.Equal(422, reused.Status);
        Assert.Equal("urn:ecourt:problem:idempotency-key-reused", reused.Json.GetProperty("type").GetString());

        // Another filer's identical key is another case.
        var body = Filings.Property("user-chen");
        Assert.NotEqual(first, await host.CreateAsync("user-chen", body, key: "filing-1"));
    }

    [Fact]
    public async Task Submit_WithoutComplaint_Refused_NothingChanges()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.CreateAsync("user-liu");
        await host.UploadAsync(caseId, CourtTestHost.Principal("user-liu", "party"), Filings.Pdf, kind: "evidence", fileName: "借条.pdf");
        var r = await host.SendAsync("POST", $"/api/cases/{caseId}/submit", CourtTestHost.Principal("user-liu", "party"));
        Assert.Equal(422, r.Status);
        Assert.Equal("urn:ecourt:problem:complaint-required", r.Json.GetProperty("type").GetString());
        Assert.Equal(CaseStatus.Draft, (await host.Store.GetAsync(caseId))!.Case.Status);
        Assert.Null(await host.Client.GetInstanceAsync(Orchestrations.Cases.CaseLifecycle.InstanceId(caseId)));
    }

    [Fact]
    public async Task Submit_Retried_ChangesNothingMore()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.SubmittedAsync("user-liu");
        var again = await host.SendAsync("POST", $"/api/cases/{caseId}/submit", CourtTestHost.Principal("user-liu", "party"));
        Assert.Equal(200, again.Status);
        Assert.Equal(2, (await host.Store.GetFileAsync(caseId))!.Events.Count);
    }

    [Fact]
    public async Task Review_Reject_RecordsRuling_WrongStateRefusedWith409()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.SubmittedAsync("user-liu");
        var noReasons = await host.ReviewAsync(caseId, "reject");
        Assert.Equal(400, noReasons.Status);
        var r = await host.ReviewAsync(caseId, "reject", "不属于人民法院受理民事诉讼的范围");
        Assert.Equal(200, r.Status);
        Assert.Equal("Rejected", r.Json.GetProperty("status").GetString());
        await host.WaitForOrchestrationEndAsync(caseId);

        var again = await host.ReviewAsync(caseId, "accept");
        Assert.Equal(409, again.Status);
        var detail = again.Json.GetProperty("detail").GetString()!;
        Assert.Contains("Rejected", detail);
        Assert.Contains("RegisterCase", detail);
    }

    [Fact]
    public async Task Review_Correct_ThenCorrections_ReviewPeriodStartsAgain()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.SubmittedAsync("user-liu");
        var r = await host.ReviewAsync(caseId, "correct", "缺少借条复印件", "诉讼请求金额与事实不符");
        Assert.Equal("CorrectionRequested", r.Json.GetProperty("status").GetString());
        // 2098-11-27 + 15 days = Fri 2098-12-12.
        Assert.Equal("2098-12-12", r.Json.GetProperty("review").GetProperty("cureBy").GetString());

        host.Clock.SetUtcNow(CourtTestHost.China("2098-12-01T09:00"));
        var doc = await host.UploadAsync(caseId, CourtTestHost.Principal("user-liu", "party"), Filings.Png, "image/png", "evidence",
            "借条.png");
        var corrected = await host.PostJsonAsync($"/api/cases/{caseId}/corrections", CourtTestHost.Principal("user-liu", "party"),
            new { claimAmount = "90000.00", documentIds = new[] { doc.Json.GetProperty("documentId").GetString() } });
        Assert.Equal(200, corrected.Status);
        Assert.Equal("Submitted", corrected.Json.GetProperty("status").GetString());
        Assert.Equal("90000.00", corrected.Json.GetProperty("claimAmount").GetString());
        // Corrections on Mon 2098-12-01: 7 days → Mon 2098-12-08.
        Assert.Equal("2098-12-08", corrected.Json.GetProperty("review").GetProperty("decisionDue").GetString());

        var accepted = await host.ReviewAsync(caseId, "accept");
        // 50 + 2.5% × 80,000 = 2,050.
        Assert.Equal("2050.00", accepted.Json.GetProperty("feeNotice").GetProperty("amountDue").GetString());
    }

    [Fact]
    public async Task FeeAid_Waived_Accepted_TheDecisionServedOnTheApplicant()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        var applied = await host.PostJsonAsync($"/api/cases/{caseId}/fee-aid", CourtTestHost.Principal("user-liu", "party"),
            new { kind = "waive", reasons = new[] { "领取最低生活保障金" } });
        Assert.Equal("FeeAidPending", applied.Json.GetProperty("status").GetString());
        var notJudge = await host.PostJsonAsync($"/api/cases/{caseId}/fee-aid/decision", CourtSteps.Clerk, new { decision = "grant" });
        Assert.Equal(403, notJudge.Status);
        var decided = await host.PostJsonAsync($"/api/cases/{caseId}/fee-aid/decision", CourtSteps.Judge, new { decision = "grant" });
        // The waiver ends the fee question at once; the decision is still served on the plaintiff, though nothing waits for it.
        Assert.Equal("Accepted", decided.Json.GetProperty("status").GetString());
        var service = await host.WaitForServiceOfKindAsync(caseId, "fee-aid-decision", Started);
        Assert.Equal(1, service.GetProperty("partyNumber").GetInt32());
        await host.WaitForLifecycleWaitingAsync(caseId, CaseStatus.Accepted);
    }

    [Fact]
    public async Task FeeAid_Refused_PeriodRunsFromTheDayAfterTheDecisionIsServed()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var liu = CourtTestHost.Principal("user-liu", "party");
        var caseId = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        await host.FeeNoticeServedAsync(caseId);
        var applied = await host.PostJsonAsync($"/api/cases/{caseId}/fee-aid", liu, new { kind = "reduce", reasons = new[] { "家庭经济困难" } });
        Assert.Equal("FeeAidPending", applied.Json.GetProperty("status").GetString());

        // Refused on Mon 2098-12-01: what is due is due 7 days from the day after the decision reaches the plaintiff, not from today.
        host.Clock.SetUtcNow(CourtTestHost.China("2098-12-01T10:00"));
        var decided = await host.PostJsonAsync($"/api/cases/{caseId}/fee-aid/decision", CourtSteps.Judge,
            new { decision = "refuse", reasons = new[] { "不符合司法救助条件" } });
        Assert.Equal(200, decided.Status);
        Assert.Equal("AwaitingFee", decided.Json.GetProperty("status").GetString());
        Assert.False(decided.Json.GetProperty("feeNotice").TryGetProperty("dueDate", out _));

        // The decision is a document of the case, served on the plaintiff as the fee notice was: by SMS to the confirmed phone.
        var service = await host.WaitForServiceOfKindAsync(caseId, "fee-aid-decision", Started);
        Assert.Equal(1, service.GetProperty("partyNumber").GetInt32());
        var documents = (await host.GetAsync($"/api/cases/{caseId}", liu)).Json.GetProperty("documents").EnumerateArray();
        Assert.Contains(documents, d => d.GetProperty("documentId").GetString() == service.GetProperty("documentId").GetString()
            && d.GetProperty("kind").GetString() == "fee-aid-decision");
        // Until then the case waits, watched, with no fee deadline.
        var waiting = await host.WaitForCustomStatusAsync(caseId, s => s.Status == "AwaitingFee" && s.NextDeadline is null);
        Assert.Null(waiting.NextDeadlineAt);
        Assert.Null((await host.Store.GetAsync(caseId))!.Case.FeeNotice!.DueDate);

        // Delivered Wed 2098-12-03: 7 days from Thu 12-04, due Wed 12-10.
        host.Clock.SetUtcNow(CourtTestHost.China("2098-12-03T09:00"));
        await host.SmsDeliveredAsync(caseId, "fee-aid-decision", CourtTestHost.China("2098-12-03T09:00"));
        var served = await host.WaitForEventAsync(caseId, "FeeAidDecisionServed");
        Assert.Equal(new DateOnly(2098, 12, 10), served.FeeNotice!.DueDate);
        Assert.Equal(2300m, served.FeeNotice!.AmountDue);
        var view = (await host.GetAsync($"/api/cases/{caseId}", liu)).Json;
        Assert.Equal("2098-12-03", view.GetProperty("feeAid").GetProperty("decisionServedOn").GetString());
        await host.WaitForCustomStatusAsync(caseId, s => s.NextDeadline == "fee-payment");
    }

    /// <summary>A document store whose next write of one document fails, as a storage outage would.</summary>
    private sealed class FailingDocuments(IDocumentStore inner) : IDocumentStore
    {
        public string? FailNextPutOf { get; set; }

        public Task<string> PutAsync(string caseId, string documentId, ReadOnlyMemory<byte> content, string contentType, string sha256,
            CancellationToken ct = default)
        {
            if (documentId != FailNextPutOf) return inner.PutAsync(caseId, documentId, content, contentType, sha256, ct);
            FailNextPutOf = null;
            throw new Azure.RequestFailedException(503, "Storage unavailable");
        }

        public Task<byte[]?> GetAsync(string caseId, string documentId, CancellationToken ct = default) =>
            inner.GetAsync(caseId, documentId, ct);
    }

    [Fact]
    public async Task FeeAid_DecisionsServiceFailsToStart_TheLifecycleServesIt()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future, services =>
            services.AddSingleton<IDocumentStore>(sp =>
                new FailingDocuments(new BlobDocumentStore(sp.GetRequiredService<StorageClients>()))));
        var caseId = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        await host.PostJsonAsync($"/api/cases/{caseId}/fee-aid", CourtTestHost.Principal("user-liu", "party"),
            new { kind = "reduce", reasons = new[] { "家庭经济困难" } });

        // The decision is recorded; writing its document fails, so the judge's request fails after it.
        ((FailingDocuments)host.Services.GetRequiredService<IDocumentStore>()).FailNextPutOf = FeeAidDecisionDocument.IdFor(caseId);
        var judge = new ECourt.Domain.Access.CourtUser("judge-zhao", "judge-zhao", new HashSet<string> { "judge" }, "黑01");
        var refusal = new FeeAidDecisionRequest("refuse", null, null, ["不符合司法救助条件"]);
        var grant = await host.GrantAsync(caseId, judge, "DecideFeeAid");
        await Assert.ThrowsAsync<Azure.RequestFailedException>(() =>
            host.Services.GetRequiredService<DecideFeeAid>().RunAsync(grant, refusal, null, default));
        Assert.NotNull((await host.Store.GetAsync(caseId))!.Case.FeeAid!.Decision);

        // The lifecycle keeps the decision's pending service: its document is written and it is served on the plaintiff.
        var service = await host.WaitForServiceOfKindAsync(caseId, "fee-aid-decision", Started);
        Assert.Equal(1, service.GetProperty("partyNumber").GetInt32());
        await host.WaitForEventAsync(caseId, "SendFeeAidDecision");
    }

    [Fact]
    public async Task StaleIfMatch_412_NothingChanges()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.SubmittedAsync("user-liu");
        var read = await host.GetAsync($"/api/cases/{caseId}", CourtSteps.Clerk);
        var etag = read.Headers.ETag.ToString();
        await host.ReviewAsync(caseId, "correct", "缺少证据");
        var stale = await host.SendAsync("POST", $"/api/cases/{caseId}/review", CourtSteps.Clerk,
            """{"decision":"accept"}"""u8.ToArray(), "application/json", new Dictionary<string, string> { ["If-Match"] = etag });
        Assert.Equal(412, stale.Status);
        Assert.Equal(CaseStatus.CorrectionRequested, (await host.Store.GetAsync(caseId))!.Case.Status);
    }

    [Fact]
    public async Task ConcurrentRegistrations_CaseNumbersWithoutGapsOrDuplicates()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var ids = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => host.SubmittedAsync($"user-{i}", Filings.Property($"user-{i}"))));
        var results = await Task.WhenAll(ids.Select(id => host.ReviewAsync(id, "accept")));
        Assert.All(results, r => Assert.Equal(200, r.Status));
        var numbers = results.Select(r => r.Json.GetProperty("caseNumber").GetString()!).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"（2098）黑01民初{n}号").Order().ToList(), numbers);
        Assert.Equal(12, results.Select(r => r.Json.GetProperty("feeNotice").GetProperty("accountNumber").GetString()).Distinct().Count());
    }
}
