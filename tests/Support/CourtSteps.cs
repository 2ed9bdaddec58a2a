using System.Text.Json;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Application.Payments;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Cases;
using ECourt.Domain.Fees;
using ECourt.Domain.Payments;
using ECourt.Orchestrations.Cases;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ECourt.Testing;

/// <summary>The steps of a filing through HTTP, as the portal takes them.</summary>
public static class CourtSteps
{
    /// <summary>
    /// How long the waits below give a condition, in seconds: the suite runs its test classes in parallel on machines of two
    /// cores, where a round of a lifecycle or a workflow can take many seconds. A wait returns as soon as its condition holds.
    /// </summary>
    public const int Patience = 90;

    public static readonly string Clerk = CourtTestHost.Staff("clerk-wang", "clerk");
    public static readonly string Judge = CourtTestHost.Staff("judge-zhao", "judge");

    public static async Task<string> CreateAsync(this CourtTestHost host, string filer, Dictionary<string, object?>? body = null,
        string? key = null)
    {
        var headers = key is null ? null : new Dictionary<string, string> { ["Idempotency-Key"] = key };
        var r = await host.PostJsonAsync("/api/cases", CourtTestHost.Principal(filer, "party"), body ?? Filings.Property(filer), headers);
        Assert.True(r.Status == 201, r.ToString());
        return r.Json.GetProperty("caseId").GetString()!;
    }

    public static Task<TestResponse> UploadAsync(this CourtTestHost host, string caseId, string principal, byte[] content,
        string contentType = "application/pdf",
        string kind = "complaint", string fileName = "起诉状.pdf", IDictionary<string, string>? extra = null)
    {
        var headers = new Dictionary<string, string> { ["X-Document-Kind"] = kind, ["X-File-Name"] = Uri.EscapeDataString(fileName) };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) headers[k] = v;
        return host.SendAsync("POST", $"/api/cases/{caseId}/documents", principal, content, contentType, headers);
    }

    /// <summary>Creates, uploads the complaint and submits: the filing is in the review queue.</summary>
    public static async Task<string> SubmittedAsync(this CourtTestHost host, string filer, Dictionary<string, object?>? body = null)
    {
        var caseId = await host.CreateAsync(filer, body);
        var up = await host.UploadAsync(caseId, CourtTestHost.Principal(filer, "party"), Filings.Pdf);
        Assert.True(up.Status == 201, up.ToString());
        var submit = await host.SendAsync("POST", $"/api/cases/{caseId}/submit", CourtTestHost.Principal(filer, "party"));
        Assert.True(submit.Status == 200, submit.ToString());
        return caseId;
    }

    public static Task<TestResponse> ReviewAsync(this CourtTestHost host, string caseId, string decision, params string[] reasons) =>
        host.PostJsonAsync($"/api/cases/{caseId}/review", Clerk, new { decision, reasons });

    /// <summary>A filing accepted by the clerk: registered and waiting for its fee.</summary>
    public static async Task<JsonElement> RegisteredAsync(this CourtTestHost host, string filer, Dictionary<string, object?>? body = null)
    {
        var caseId = await host.SubmittedAsync(filer, body);
        var r = await host.ReviewAsync(caseId, "accept");
        Assert.True(r.Status == 200, r.ToString());
        return r.Json;
    }

    /// <summary>
    /// The fee notice's SMS reaches the plaintiff: waits until the service workflow has sent it, posts the
    /// provider's delivery report to the webhook, and returns the case once the notice counts as served.
    /// </summary>
    public static async Task<CourtCase> FeeNoticeServedAsync(this CourtTestHost host, string caseId, DateTimeOffset? deliveredAt = null)
    {
        var serviceId = ECourt.Domain.ServiceOfProcess.ServiceRecord.IdFor(FeeNoticeDocument.IdFor(caseId), 1);
        string? messageId = null;
        for (var end = DateTime.UtcNow.AddSeconds(Patience); messageId is null && DateTime.UtcNow < end;)
        {
            // Any SMS attempt: with a clock in the past the workflow may already have moved past the SMS step; a late report still counts.
            messageId = (await host.Store.GetRowAsync(caseId, ServiceRows.Services, serviceId))?.Value.Attempts
                .FirstOrDefault(a => a.ProviderMessageId is not null)?.ProviderMessageId;
            if (messageId is null) await Task.Delay(50);
        }
        Assert.True(messageId is not null, "The fee notice was not sent.");
        await host.SmsReportAsync(messageId!, deliveredAt ?? host.Clock.GetUtcNow());
        for (var end = DateTime.UtcNow.AddSeconds(Patience); DateTime.UtcNow < end;)
        {
            var c = (await host.Store.GetAsync(caseId))!.Case;
            if (c.FeeNotice?.ServedOn is not null) return c;
            await Task.Delay(50);
        }
        throw new TimeoutException("The fee notice was not recorded as served.");
    }

    /// <summary>
    /// The provider's report that an SMS notice was delivered (or failed) at <paramref name="at"/>, posted to the webhook as Event Grid
    /// does.
    /// </summary>
    public static async Task SmsReportAsync(this CourtTestHost host, string messageId, DateTimeOffset at, string status = "Delivered")
    {
        var report = JsonSerializer.Serialize(new[]
        {
            new
            {
                id = Guid.NewGuid().ToString(),
                    topic = "/subscriptions/x/resourceGroups/court/providers/Microsoft.Communication/communicationServices/court",
                subject = "/phonenumber/13800000000", eventType = "Microsoft.Communication.SMSDeliveryReportReceived", eventTime = at,
                    dataVersion = "1.0",
                metadataVersion = "1",
                data = new
                {
                    messageId, from = "+18005550100", to = "13800000000", deliveryStatus = status, deliveryStatusDetails = "No error.",
                    receivedTimestamp = at,
                },
            },
        });
        var posted = await host.SendAsync("POST", "/api/events/communication?key=" + CourtTestHost.WebhookKey, null,
            System.Text.Encoding.UTF8.GetBytes(report), "application/json");
        Assert.True(posted.Status == 200, posted.ToString());
    }

    /// <summary>
    /// Waits until the case's first service of <paramref name="kind"/> (fee-notice, fee-aid-decision, …), as the clerk lists it,
    /// satisfies <paramref name="until"/>.
    /// </summary>
    public static async Task<JsonElement> WaitForServiceOfKindAsync(this CourtTestHost host, string caseId, string kind,
        Func<JsonElement, bool> until, int seconds = Patience)
    {
        var end = DateTime.UtcNow.AddSeconds(seconds);
        JsonElement? last = null;
        while (DateTime.UtcNow < end)
        {
            var r = await host.GetAsync($"/api/cases/{caseId}/service", Clerk);
            last = r.Json.GetProperty("items").EnumerateArray().Cast<JsonElement?>()
                .FirstOrDefault(i => i!.Value.GetProperty("kind").GetString() == kind);
            if (last is { } item && until(item)) return item;
            await Task.Delay(50);
        }
        throw new TimeoutException($"The {kind} service of {caseId} did not get there: {last}");
    }

    /// <summary>
    /// The SMS notice of the case's service of <paramref name="kind"/> is reported delivered at <paramref name="at"/>, once the workflow
    /// has sent it.
    /// </summary>
    public static async Task<JsonElement> SmsDeliveredAsync(this CourtTestHost host, string caseId, string kind, DateTimeOffset at)
    {
        static string? MessageId(JsonElement s) => s.GetProperty("attempts").EnumerateArray()
            .Select(a => a.TryGetProperty("providerMessageId", out var m) ? m.GetString() : null).FirstOrDefault(m => m is not null);
        var sent = await host.WaitForServiceOfKindAsync(caseId, kind, s => MessageId(s) is not null);
        await host.SmsReportAsync(MessageId(sent)!, at);
        return sent;
    }

    /// <summary>Waits until the case has recorded an event of <paramref name="action"/>.</summary>
    public static async Task<CourtCase> WaitForEventAsync(this CourtTestHost host, string caseId, string action, int seconds = Patience)
        => (await host.WaitForCaseAsync(caseId, f => f.Events.Any(e => e.Action == action), "recorded " + action, seconds)).Case;

    /// <summary>Waits until the case's file (snapshot, events, ledger) satisfies <paramref name="until"/>; <paramref name="what"/> names it.</summary>
    public static async Task<CaseFile> WaitForCaseAsync(this CourtTestHost host, string caseId, Func<CaseFile, bool> until, string what,
        int seconds = Patience) =>
        await WaitUntilAsync(async () => (await host.Store.GetFileAsync(caseId))!, until, $"case {caseId}: {what}", seconds);

    /// <summary>Reads <paramref name="read"/> until what it reads satisfies <paramref name="until"/>, and returns that.</summary>
    public static async Task<T> WaitUntilAsync<T>(Func<Task<T>> read, Func<T, bool> until, string what, int seconds = Patience)
    {
        var end = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var last = await read();
            if (until(last)) return last;
            if (DateTime.UtcNow >= end) throw new TimeoutException($"Not there after {seconds} s: {what}; last {last}");
            await Task.Delay(50);
        }
    }

    /// <summary>A bank's credit as its handler will book it: into the ledger, then the fee-paid signal to the orchestration.</summary>
    public static async Task<bool> RaiseCreditAsync(this CourtTestHost host, string caseId, string bankCode, string transactionId,
        decimal amount, DateTimeOffset bookedAt)
    {
        var (outcome, stored) = await host.Services.GetRequiredService<BookCredit>().ToCaseAsync(caseId, new FeeCredit(bankCode,
            transactionId, amount, bookedAt), default);
        await host.Services.GetRequiredService<CaseSignals>().CaseChangedAsync(stored.Case, "RecordFeeCredit", default);
        return outcome == BookCredit.CreditOutcome.Recorded;
    }

    public static async Task<OrchestrationMetadata> WaitForOrchestrationEndAsync(this CourtTestHost host, string caseId, int seconds = Patience)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        return await host.Client.WaitForInstanceCompletionAsync(CaseLifecycle.InstanceId(caseId), true, cts.Token);
    }

    /// <summary>
    /// The lifecycle of an open case never ends: waits until it runs and waits in <paramref name="status"/> (its custom
    /// status), and returns what it waits for.
    /// </summary>
    public static async Task<CaseLifecycleStatus> WaitForLifecycleWaitingAsync(this CourtTestHost host, string caseId, CaseStatus status,
        int seconds = Patience)
    {
        var waiting = await host.WaitForCustomStatusAsync(caseId, s => s.Status == status.ToString(), seconds);
        var instance = await host.Client.GetInstanceAsync(CaseLifecycle.InstanceId(caseId));
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
        return waiting;
    }

    /// <summary>The orchestration's custom status once it says what it waits for (and, optionally, matches).</summary>
    public static async Task<CaseLifecycleStatus> WaitForCustomStatusAsync(this CourtTestHost host, string caseId,
        Func<CaseLifecycleStatus, bool>? until = null, int seconds = Patience)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        CaseLifecycleStatus? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var instance = await host.Client.GetInstanceAsync(CaseLifecycle.InstanceId(caseId), getInputsAndOutputs: true);
            last = instance?.ReadCustomStatusAs<CaseLifecycleStatus>();
            if (last is not null && (until is null || until(last))) return last;
            await Task.Delay(50);
        }
        throw new TimeoutException($"The orchestration of {caseId} shows {last}.");
    }

    /// <summary>
    /// Moves court time to when the case's lifecycle keeps its pending deadline of <paramref name="kind"/> (as the local
    /// host's clock route does) and wakes the lifecycle; returns that deadline.
    /// </summary>
    public static async Task<PendingDeadline> PassDeadlineAsync(this CourtTestHost host, string caseId, string kind)
    {
        var c = (await host.Store.GetAsync(caseId))!.Case;
        var pending = CaseDeadlines.Pending(c, host.Clock.GetUtcNow(),
            host.Services.GetRequiredService<ECourt.Domain.Calendar.DeadlineCalculator>()).SingleOrDefault(d => d.Kind == kind)
            ?? throw new InvalidOperationException($"Case {caseId} ({c.Status}) has no pending {kind} deadline.");
        await host.MoveClockAsync(pending.KeepAt ?? pending.EndsAt);
        return pending;
    }

    /// <summary>What the access table grants <paramref name="caller"/> on the case for the route: for calling a use case
    /// directly.</summary>
    public static Task<ECourt.Application.Access.CaseGrant> GrantAsync(this CourtTestHost host, string caseId,
        ECourt.Domain.Access.CourtUser caller, string function) =>
        host.Services.GetRequiredService<ECourt.Application.Access.CaseAccess>()
            .AuthorizeAsync(ECourt.Functions.Http.AccessTable.For(function), caseId, caller, default);

    /// <summary>
    /// The holder of <paramref name="userId"/>, its identity verified as <paramref name="verifiedIdNumber"/> by real-name
    /// verification, links its account to the party with <paramref name="code"/> (null: a code the clerk issues now).
    /// </summary>
    public static async Task<TestResponse> LinkPartyAsync(this CourtTestHost host, string caseId, int partyNumber, string userId,
        string? verifiedIdNumber = null, string? verifiedCreditCode = null, string? code = null, bool expectLinked = true,
        string? verifiedName = null)
    {
        if (code is null)
        {
            var issued = await host.SendAsync("POST", $"/api/cases/{caseId}/parties/{partyNumber}/link-code", Clerk);
            Assert.True(issued.Status == 200, issued.ToString());
            code = issued.Json.GetProperty("code").GetString()!;
        }
        var holder = ECourt.Adapters.Identity.ClientPrincipal.Encode(userId, ["party"], null, null, verifiedIdNumber, verifiedCreditCode,
            verifiedName);
        var linked = await host.PostJsonAsync($"/api/cases/{caseId}/party-link", holder, new { partyNumber, code });
        if (expectLinked) Assert.True(linked.Status == 200, linked.ToString());
        return linked;
    }

    public static CaseStatus StatusOf(JsonElement caseView) => Enum.Parse<CaseStatus>(caseView.GetProperty("status").GetString()!);
}
