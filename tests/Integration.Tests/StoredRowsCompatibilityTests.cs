using System.Text.Json;
using Azure.Data.Tables;
using ECourt.Application.Filing;
using ECourt.Application.Payments;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Fees;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// Cases stored by the release before stage modules (rows captured from it: a registered case part paid, with a served fee
/// notice and a complaint copy going by post; a submitted filing; a case waiting for a fee-aid decision) read and move
/// on with the code of today.
/// </summary>
public class StoredRowsCompatibilityTests
{
    private static readonly string Liu = CourtTestHost.Principal("user-liu", "party");

    private sealed record Captured(string Registered, string Submitted, string FeeAidPending, string Account);

    /// <summary>Writes the captured rows, exactly as they were stored, into the host's case table and indexes.</summary>
    private static async Task<Captured> LoadAsync(CourtTestHost host)
    {
        using var fixture = JsonDocument.Parse(await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "Fixtures", "case-rows-before-stage-modules.json")));
        string Load(string name)
        {
            foreach (var row in fixture.RootElement.GetProperty(name).EnumerateArray())
            {
                var entity = new TableEntity();
                foreach (var p in row.EnumerateObject())
                    entity[p.Name] = p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetInt32() : p.Value.GetString();
                host.Storage.Cases.AddEntity(entity);
            }
            return fixture.RootElement.GetProperty(name)[0].GetProperty("PartitionKey").GetString()!;
        }
        var captured = new Captured(Load("registered"), Load("submitted"), Load("feeAidPending"),
            fixture.RootElement.GetProperty("account").GetString()!);
        await host.Services.GetRequiredService<IAccountIndex>().AddAccountAsync(captured.Account, captured.Registered);
        await host.Services.GetRequiredService<IReviewQueue>().EnqueueForReviewAsync("黑01", captured.Submitted, CourtTestHost.Future);
        return captured;
    }

    [Fact]
    public async Task RegisteredCase_StoredBefore_ReadsTheSame_ThenTheRestOfTheFeeAcceptsIt()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var captured = await LoadAsync(host);

        var view = await host.GetAsync($"/api/cases/{captured.Registered}", Liu);
        Assert.Equal(200, view.Status);
        Assert.Equal("AwaitingFee", view.Json.GetProperty("status").GetString());
        Assert.Equal("（2098）黑01民初1号", view.Json.GetProperty("caseNumber").GetString());
        Assert.Equal("1000.00", view.Json.GetProperty("feeNotice").GetProperty("amountPaid").GetString());
        Assert.Equal("2098-12-04", view.Json.GetProperty("feeNotice").GetProperty("dueDate").GetString());
        Assert.Equal(2, view.Json.GetProperty("documents").GetArrayLength());
        Assert.Equal(6, view.Json.GetProperty("events").GetArrayLength());
        var fee = view.Json.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "fee-payment");
        Assert.Equal("2098-12-04", fee.GetProperty("lastDay").GetString());

        var ledger = await host.GetAsync($"/api/cases/{captured.Registered}/ledger", Liu);
        Assert.Equal("CAP-1",
            Assert.Single(ledger.Json.GetProperty("entries").EnumerateArray()).GetProperty("bankTransactionId").GetString());

        var services = (await host.GetAsync($"/api/cases/{captured.Registered}/service", Liu)).Json.GetProperty("items").EnumerateArray()
            .ToList();
        Assert.Equal(["served", "in-progress"],
            services.OrderBy(s => s.GetProperty("partyNumber").GetInt32()).Select(s => s.GetProperty("status").GetString()));

        // The rest of the fee, to the account the old registration issued: booked beside the old entry, and the case is accepted.
        Assert.True(await host.RaiseCreditAsync(captured.Registered, "ICBC", "CAP-2", 1300m, CourtTestHost.Future));
        var accepted = await host.WaitForStatusAsync(captured.Registered, CaseStatus.Accepted);
        Assert.Equal(2300m, accepted.FeeNotice!.AmountPaid);
        Assert.Equal(2, (await host.Store.GetFileAsync(captured.Registered))!.Ledger.Count);
        Assert.Equal(7, (await host.Store.GetFileAsync(captured.Registered))!.Events.Count);

        // The complaint copy's post, started before, takes the clerk's record of the mailing.
        var post = services.Single(s => s.GetProperty("partyNumber").GetInt32() == 2).GetProperty("serviceId").GetString();
        var mailed = await host.PostJsonAsync($"/api/cases/{captured.Registered}/service/{post}/postal-result", CourtSteps.Clerk,
            new { result = "mailed", date = "2098-11-28", trackingNumber = "EMS1234567890" });
        Assert.Equal(200, mailed.Status);
        Assert.Equal("post", mailed.Json.GetProperty("attempts")[0].GetProperty("channel").GetString());
    }

    [Fact]
    public async Task SubmittedFiling_StoredBefore_AcceptedByTheClerk_Registered()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var captured = await LoadAsync(host);
        var queue = (await host.GetAsync("/api/review-queue", CourtSteps.Clerk)).Json.GetProperty("items").EnumerateArray();
        Assert.Contains(queue, i => i.GetProperty("caseId").GetString() == captured.Submitted);

        var accepted = await host.ReviewAsync(captured.Submitted, "accept");
        Assert.Equal(200, accepted.Status);
        Assert.Equal("AwaitingFee", accepted.Json.GetProperty("status").GetString());
        Assert.Equal("2300.00", accepted.Json.GetProperty("feeNotice").GetProperty("amountDue").GetString());
        var registered = (await host.Store.GetAsync(captured.Submitted))!.Case;
        Assert.NotNull(registered.CaseNumber);
        Assert.Equal("doc8eb34ca79178687873c69908", Assert.Single(registered.FiledDocuments).DocumentId);
    }

    [Fact]
    public async Task FeeAidPending_StoredBefore_JudgeGrantsIt_DecisionServed_NoPeriodWhileTheNoticeIsNotServed()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var captured = await LoadAsync(host);
        var decided = await host.PostJsonAsync($"/api/cases/{captured.FeeAidPending}/fee-aid/decision", CourtSteps.Judge,
            new { decision = "grant", reducedAmount = "1000.00", reasons = new[] { "酌减" } });
        Assert.Equal(200, decided.Status);
        Assert.Equal("AwaitingFee", decided.Json.GetProperty("status").GetString());
        Assert.Equal("1000.00", decided.Json.GetProperty("feeNotice").GetProperty("amountDue").GetString());
        // The period runs from the day after the decision is served on the plaintiff (and the notice too, whose SMS the
        // old release sent and no report answered): served beside the services started before.
        Assert.False(decided.Json.GetProperty("feeNotice").TryGetProperty("dueDate", out _));
        await host.SmsDeliveredAsync(captured.FeeAidPending, "fee-aid-decision", CourtTestHost.Future);
        var served = await host.WaitForEventAsync(captured.FeeAidPending, "FeeAidDecisionServed");
        Assert.Null(served.FeeNotice!.DueDate);
        var services = await host.GetAsync($"/api/cases/{captured.FeeAidPending}/service", CourtSteps.Clerk);
        Assert.Equal(3, services.Json.GetProperty("items").GetArrayLength());
    }
}
