using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ECourt.Adapters.Communication;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Cases;
using ECourt.Domain.Fees;
using ECourt.Domain.ServiceOfProcess;
using ECourt.Domain.TrialLimit;
using ECourt.Orchestrations.ServiceOfProcess;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// Service of documents end to end on Azurite and the in-memory durable engine: the workflow sends the
/// notice (to the local SMS outbox), delivery reports arrive on the Event Grid webhook, read receipts come
/// from the inbox, post and public notice are recorded by the clerk and the judge, and every completed
/// service has a signed certificate anyone can verify.
/// </summary>
public partial class ServiceTests
{
    private static readonly string Clerk = CourtTestHost.Staff("clerk-wang", "clerk");
    private static readonly string Judge = CourtTestHost.Staff("judge-zhao", "judge");
    private static readonly string Liu = CourtTestHost.Principal("user-liu", "party");
    private static readonly string Wang = CourtTestHost.Principal("user-wang", "party");

    /// <summary>The defendant is a person on the platform, with a prior-contract consent and an SMS address the plaintiff gave (found, not confirmed).</summary>
    private static Dictionary<string, object?> WithPersonDefendant(string procedure = "ordinary")
    {
        var body = Filings.Property("user-liu", procedure: procedure);
        var parties = (object[])body["parties"]!;
        parties[1] = new Dictionary<string, object?>
        {
            ["role"] = "defendant",
            ["kind"] = "person",
            ["name"] = "王建国",
            ["idType"] = "resident-id",
            ["idNumber"] = Filings.PlaintiffId,
            ["address"] = "哈尔滨市南岗区红军街1号",
            ["electronicServiceConsent"] = true,
            ["consentSource"] = "prior-contract",
            ["serviceAddresses"] = new object[] { new Dictionary<string, object?> { ["channel"] = "sms", ["address"] = "13900000000" } },
        };
        return body;
    }

    /// <summary>Registered with the person defendant, whose holder (user-wang, its identity verified) then links its account.</summary>
    private static async Task<(string CaseId, string DocumentId)> RegisteredWithLinkedDefendantAsync(CourtTestHost host)
    {
        var registered = await RegisteredAsync(host, WithPersonDefendant());
        await host.LinkPartyAsync(registered.CaseId, 2, "user-wang", Filings.PlaintiffId, verifiedName: "王建国");
        return registered;
    }

    private static async Task<(string CaseId, string DocumentId)> RegisteredAsync(CourtTestHost host, Dictionary<string, object?>? body = null)
    {
        var caseId = (await host.RegisteredAsync("user-liu", body)).GetProperty("caseId").GetString()!;
        var view = (await host.GetAsync($"/api/cases/{caseId}", Liu)).Json;
        return (caseId, view.GetProperty("documents")[0].GetProperty("documentId").GetString()!);
    }

    private static async Task<JsonElement> ServeAsync(CourtTestHost host, string caseId, string documentId, int party, string kind = "complaint-copy")
    {
        var r = await host.PostJsonAsync($"/api/cases/{caseId}/service", Clerk, new { documentId, kind, partyNumber = party });
        Assert.True(r.Status == 202, r.ToString());
        return r.Json;
    }

    /// <summary>Waits until the case's service of the given kind (fee-notice, complaint-copy) satisfies <paramref name="until"/>.</summary>
    private static Task<JsonElement> WaitForServiceAsync(CourtTestHost host, string caseId, string kind, Func<JsonElement, bool> until) =>
        host.WaitForServiceOfKindAsync(caseId, kind, until);

    /// <summary>Waits until the service workflow's custom status (what it waits for) satisfies <paramref name="until"/>.</summary>
    private static async Task<ServiceState> WaitForWorkflowAsync(CourtTestHost host, string instanceId, Func<ServiceState?, bool> until) =>
        (await CourtSteps.WaitUntilAsync(async () => (await host.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true))
            ?.ReadCustomStatusAs<ServiceState>(), until, $"the workflow {instanceId}"))!;

    private static bool Certified(JsonElement s) => s.TryGetProperty("certificateId", out var c) && c.ValueKind == JsonValueKind.String;

    private static async Task<LocalSmsOutbox.OutboxMessage> WaitForSmsAsync(CourtTestHost host, string to, string containing)
    {
        var outbox = (LocalSmsOutbox)host.Services.GetRequiredService<ISmsGateway>();
        var sent = await CourtSteps.WaitUntilAsync(async () => (await outbox.ListAsync(100, default))
            .Where(m => m.To == to && m.Text.Contains(containing)).ToList(), m => m.Count > 0, $"an SMS to {to} with {containing}");
        var sms = Assert.Single(sent);
        // The message reaches the outbox before the service indexes its id and records it as sent: a report posted before the
        // index finds no service, and evidence recorded before "sent" leaves the attempt without the provider's message id.
        var index = host.Services.GetRequiredService<IServiceMessageIndex>();
        await CourtSteps.WaitUntilAsync(async () => await index.FindByMessageAsync("sms", sms.MessageId) is { } m
            && (await host.Store.GetRowAsync(m.CaseId, ServiceRows.Services, m.ServiceId))!.Value.Attempts
                .Any(a => a.ProviderMessageId == sms.MessageId), sent => sent, $"the SMS {sms.MessageId} recorded as sent");
        return sms;
    }

    private static string SmsReport(string messageId, string status, DateTimeOffset at) => JsonSerializer.Serialize(new[]
    {
        new
        {
            id = Guid.NewGuid().ToString(), topic = "/subscriptions/0000/resourceGroups/court/providers/Microsoft.Communication/communicationServices/court",
            subject = "/phonenumber/13900000000", eventType = "Microsoft.Communication.SMSDeliveryReportReceived", eventTime = at, dataVersion = "1.0",
            metadataVersion = "1",
            data = new { messageId, from = "+18005550100", to = "13900000000", deliveryStatus = status, deliveryStatusDetails = status == "Delivered" ? "No error." : "Invalid destination.",
                receivedTimestamp = at, tag = "t" },
        },
    });

    private static Task<TestResponse> WebhookAsync(CourtTestHost host, string body, string? key = CourtTestHost.WebhookKey) =>
        host.SendAsync("POST", "/api/events/communication" + (key is null ? "" : "?key=" + key), null, Encoding.UTF8.GetBytes(body), "application/json");

    [GeneratedRegex(@"inbox/open\?t=([^\s]+)")]
    private static partial Regex LinkToken();

    [Fact]
    public async Task FeeNotice_ConfirmedSms_DeliveryReport_Served_PeriodStarts_CertificateVerifiable_TamperDetected()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, complaintId) = await RegisteredAsync(host);

        // Registration started service by itself: the fee notice to the plaintiff by SMS to a confirmed address.
        var sms = await WaitForSmsAsync(host, "13800000000", "缴费通知书");
        Assert.Matches(LinkToken(), sms.Text);
        Assert.DoesNotContain("6217", sms.Text);
        var started = await WaitForServiceAsync(host, caseId, "fee-notice", s => s.GetProperty("attempts").GetArrayLength() == 1);
        Assert.Equal("sms", started.GetProperty("channel").GetString());
        Assert.True(started.GetProperty("addressConfirmed").GetBoolean());

        var delivered = CourtTestHost.Future.AddSeconds(7);
        var report = await WebhookAsync(host, SmsReport(sms.MessageId, "Delivered", delivered));
        Assert.Equal(200, report.Status);
        Assert.Equal(1, report.Json.GetProperty("recorded").GetInt32());

        var served = await WaitForServiceAsync(host, caseId, "fee-notice", Certified);
        Assert.Equal("served", served.GetProperty("status").GetString());
        Assert.Equal("DeliveredToConfirmedAddress", served.GetProperty("rule").GetString());
        Assert.Equal(delivered, served.GetProperty("servedAt").GetDateTimeOffset());
        // The fee period runs from the day after service: Thu 2098-11-27 → Thu 2098-12-04.
        var due = await host.WaitForCaseAsync(caseId, f => f.Case.FeeNotice!.DueDate is not null, "a fee due date");
        Assert.Equal(new DateOnly(2098, 12, 4), due.Case.FeeNotice!.DueDate);

        var certificateId = served.GetProperty("certificateId").GetString()!;
        var verify = await host.GetAsync($"/api/service-certificates/{certificateId}/verify", Liu);
        Assert.Equal(200, verify.Status);
        Assert.True(verify.Json.GetProperty("valid").GetBoolean());
        var certificate = verify.Json.GetProperty("certificate");
        Assert.Equal("sms", certificate.GetProperty("method").GetString());
        Assert.Equal("13800000000", certificate.GetProperty("address").GetString());
        Assert.Equal(sms.MessageId, certificate.GetProperty("providerMessageId").GetString());
        var feeNotice = await host.Store.GetDocumentAsync(caseId, served.GetProperty("documentId").GetString()!);
        Assert.Equal(Domain.Documents.DocumentKind.FeeNotice, feeNotice!.Kind);
        Assert.Equal(feeNotice.Sha256, certificate.GetProperty("documentSha256").GetString());
        // Anyone holding the certificate can check the signature with the published key alone.
        using (var key = System.Security.Cryptography.ECDsa.Create())
        {
            key.ImportFromPem(verify.Json.GetProperty("publicKey").GetString());
            var content = Convert.FromBase64String(verify.Json.GetProperty("signedContent").GetString()!);
            var signature = Convert.FromBase64String(verify.Json.GetProperty("signature").GetString()!);
            Assert.True(key.VerifyData(content, signature, System.Security.Cryptography.HashAlgorithmName.SHA256));
            Assert.Contains(certificateId, Encoding.UTF8.GetString(content));
            content[^2] ^= 1;
            Assert.False(key.VerifyData(content, signature, System.Security.Cryptography.HashAlgorithmName.SHA256));
        }
        // Anonymous callers get the verdict and what verifying needs, nothing personal.
        var anonymous = await host.GetAsync($"/api/service-certificates/{certificateId}/verify", null);
        Assert.True(anonymous.Json.GetProperty("valid").GetBoolean());
        Assert.Equal(feeNotice.Sha256, anonymous.Json.GetProperty("documentSha256").GetString());
        Assert.Equal("sms", anonymous.Json.GetProperty("channel").GetString());
        Assert.False(anonymous.Json.TryGetProperty("certificate", out _));
        Assert.False(anonymous.Json.TryGetProperty("signedContent", out _));
        Assert.DoesNotContain("13800000000", anonymous.Text);
        Assert.DoesNotContain("刘志强", anonymous.Text);
        Assert.DoesNotContain(caseId, anonymous.Text);

        // The certificate itself, for those who may see the case; not for others.
        Assert.Equal(200, (await host.GetAsync($"/api/service-certificates/{certificateId}", Liu)).Status);
        Assert.Equal(404, (await host.GetAsync($"/api/service-certificates/{certificateId}", CourtTestHost.Principal("user-x", "party"))).Status);

        // The same report again changes nothing; a report for a message nobody sent is recorded and ignored.
        Assert.Equal(200, (await WebhookAsync(host, SmsReport(sms.MessageId, "Delivered", delivered))).Status);
        Assert.Equal(served.GetProperty("attempts").GetRawText(), (await WaitForServiceAsync(host, caseId, "fee-notice", _ => true)).GetProperty("attempts").GetRawText());
        Assert.Equal(1, (await WebhookAsync(host, SmsReport("Outgoing_unknown", "Delivered", delivered))).Json.GetProperty("unknown").GetInt32());
        await WebhookAsync(host, SmsReport("Outgoing_unknown", "Delivered", delivered));
        var unmatched = Assert.Single(await host.Services.GetRequiredService<IServiceMessageIndex>().UnmatchedReportsAsync("sms"));
        Assert.Equal("Outgoing_unknown", unmatched.MessageId);

        // Asking to serve the complaint on the defendant again is the service registration already started.
        var again = await ServeAsync(host, caseId, complaintId, party: 2);
        Assert.Equal("complaint-copy", again.GetProperty("kind").GetString());
        Assert.Equal(2, (await host.GetAsync($"/api/cases/{caseId}/service", Liu)).Json.GetProperty("items").GetArrayLength());

        // A certificate whose document the court's record no longer matches fails verification.
        var row = (await host.Storage.Cases.GetEntityAsync<Azure.Data.Tables.TableEntity>(caseId, "doc-" + feeNotice.DocumentId)).Value;
        ECourt.Adapters.Storage.StoredJson.Write(row, feeNotice with { Sha256 = new string('0', 64) });
        await host.Storage.Cases.UpdateEntityAsync(row, row.ETag, Azure.Data.Tables.TableUpdateMode.Replace);
        var tampered = (await host.GetAsync($"/api/service-certificates/{certificateId}/verify", null)).Json;
        Assert.False(tampered.GetProperty("valid").GetBoolean());
        Assert.True(tampered.GetProperty("signatureValid").GetBoolean());
        Assert.False(tampered.GetProperty("documentHashValid").GetBoolean());
    }

    [Fact]
    public async Task Verify_TheOtherSideFinanceAndAdmin_GetTheVerdictOnly_TheServedPartyAndCaseStaffTheCertificate()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, _) = await RegisteredAsync(host);
        await host.FeeNoticeServedAsync(caseId);
        var certificateId = (await WaitForServiceAsync(host, caseId, "fee-notice", Certified)).GetProperty("certificateId").GetString()!;
        // The defendant's account linked (as its holder would link it): it sees the case, not the plaintiff's certificate.
        var stored = (await host.Store.GetAsync(caseId))!;
        var parties = stored.Case.Parties.Select(p => p.PartyNumber == 2 ? p with { UserId = "user-wang" } : p).ToList();
        Assert.Equal(CommitOutcome.Committed, (await host.Store.CommitAsync(CaseChange.Of(stored.Case with { Parties = parties }, []),
            stored.ETag)).Outcome);
        Assert.Equal(200, (await host.GetAsync($"/api/cases/{caseId}", Wang)).Status);

        var verdictOnly = new[] { Wang, CourtTestHost.Staff("finance-sun", "finance"), CourtTestHost.Staff("admin-qian", "admin") };
        foreach (var caller in verdictOnly)
        {
            var v = await host.GetAsync($"/api/service-certificates/{certificateId}/verify", caller);
            Assert.Equal(200, v.Status);
            Assert.True(v.Json.GetProperty("valid").GetBoolean());
            Assert.False(v.Json.TryGetProperty("certificate", out _), v.ToString());
            Assert.False(v.Json.TryGetProperty("signedContent", out _));
            Assert.DoesNotContain("13800000000", v.Text);
        }
        foreach (var served in new[] { Liu, Clerk })
            Assert.Equal("13800000000", (await host.GetAsync($"/api/service-certificates/{certificateId}/verify", served)).Json
                .GetProperty("certificate").GetProperty("address").GetString());
    }

    [Fact]
    public async Task Webhook_Handshake_And_Authentication()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var handshake = """
            [{"id":"2d1781af-3a4c-4d7c-bd0c-e34b19da4e66","topic":"/subscriptions/x","subject":"","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6",
              "validationUrl":"https://rp-eastus2.eventgrid.azure.net/validate"},"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent",
              "eventTime":"2098-11-27T02:00:00Z","metadataVersion":"1","dataVersion":"2"}]
            """;
        var answer = await WebhookAsync(host, handshake);
        Assert.Equal(200, answer.Status);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", answer.Json.GetProperty("validationResponse").GetString());
        Assert.Equal(401, (await WebhookAsync(host, handshake, key: null)).Status);
        Assert.Equal(401, (await WebhookAsync(host, handshake, key: "wrong")).Status);
        var malformed = await WebhookAsync(host, "{not events");
        Assert.Equal(400, malformed.Status);
        Assert.StartsWith("application/problem+json", malformed.ContentType);
    }

    [Fact]
    public async Task ComplaintCopy_FoundAddress_DeliveredIsNotEnough_ReadReceiptServes_ThenFeePaid_EvidenceStage()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, _) = await RegisteredWithLinkedDefendantAsync(host);
        var sms = await WaitForSmsAsync(host, "13900000000", "起诉状副本");
        var started = await WaitForServiceAsync(host, caseId, "complaint-copy", s => s.GetProperty("attempts").GetArrayLength() == 1);
        Assert.False(started.GetProperty("addressConfirmed").GetBoolean());

        await WebhookAsync(host, SmsReport(sms.MessageId, "Delivered", CourtTestHost.Future.AddSeconds(3)));
        var delivered = await WaitForServiceAsync(host, caseId, "complaint-copy", s => s.GetProperty("attempts")[0].GetProperty("outcome").GetString() == "delivered");
        Assert.Equal("in-progress", delivered.GetProperty("status").GetString());

        var item = Assert.Single((await host.GetAsync("/api/inbox", Wang)).Json.GetProperty("items").EnumerateArray());
        Assert.False(item.TryGetProperty("readAt", out _));
        var token = Uri.UnescapeDataString(LinkToken().Match(sms.Text).Groups[1].Value);
        Assert.Equal(403, (await host.GetAsync("/api/inbox/open?t=" + Uri.EscapeDataString(token.Replace(".", ".1")), Wang)).Status);
        Assert.Equal(404, (await host.GetAsync("/api/inbox/open?t=" + Uri.EscapeDataString(token), Liu)).Status);
        host.Clock.SetUtcNow(CourtTestHost.Future.AddDays(1));
        Assert.Equal(200, (await host.GetAsync("/api/inbox/open?t=" + Uri.EscapeDataString(token), Wang)).Status);

        var served = await WaitForServiceAsync(host, caseId, "complaint-copy", Certified);
        Assert.Equal("ReadAtFoundAddress", served.GetProperty("rule").GetString());
        Assert.Equal(CourtTestHost.Future.AddDays(1), served.GetProperty("servedAt").GetDateTimeOffset());
        var answered = (await host.WaitForCaseAsync(caseId, f => f.Case.ServiceOfProcess?.AnswerDeadline is not null, "an answer deadline")).Case;
        var expected = host.Services.GetRequiredService<Domain.Calendar.DeadlineCalculator>().Compute(new DateOnly(2098, 11, 28), 15, Domain.Calendar.PeriodUnit.Days);
        Assert.Equal(expected.LastDay, answered!.ServiceOfProcess!.AnswerDeadline!.LastDay);
        Assert.Equal(CaseStatus.AwaitingFee, answered!.Status);

        // Fee paid: accepted, and with every defendant served the case moves to the answer and evidence stage.
        await host.RaiseCreditAsync(caseId, "ICBC", "E1", 2300m, CourtTestHost.Future.AddDays(1));
        await host.WaitForStatusAsync(caseId, CaseStatus.EvidenceExchange);

        host.Clock.SetUtcNow(CourtTestHost.Future.AddDays(31));
        var expired = await host.GetAsync("/api/inbox/open?t=" + Uri.EscapeDataString(token), Wang);
        Assert.Equal(410, expired.Status);
        Assert.StartsWith("application/problem+json", expired.ContentType);
    }

    [Fact]
    public async Task FailedDelivery_NextChannelAtOnce_MailedThenReturnedFromFoundAddress_ThenPublicNotice()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, _) = await RegisteredWithLinkedDefendantAsync(host);
        var sms = await WaitForSmsAsync(host, "13900000000", "起诉状副本");
        await WebhookAsync(host, SmsReport(sms.MessageId, "Failed", CourtTestHost.Future.AddSeconds(3)));
        var byPost = await WaitForServiceAsync(host, caseId, "complaint-copy", s => s.GetProperty("channel").GetString() == "post");
        var serviceId = byPost.GetProperty("serviceId").GetString()!;
        Assert.Equal("failed", byPost.GetProperty("attempts")[0].GetProperty("outcome").GetString());
        Assert.Equal("哈尔滨市南岗区红军街1号", byPost.GetProperty("address").GetString());

        // Nothing is posted until the clerk records the mailing; results come after it.
        Assert.Equal(409, (await host.PostJsonAsync($"/api/cases/{caseId}/service/{serviceId}/postal-result", Clerk, new { result = "returned", date = "2098-11-28" })).Status);
        Assert.Equal(403, (await host.PostJsonAsync($"/api/cases/{caseId}/service/{serviceId}/postal-result", Judge, new { result = "mailed", date = "2098-11-28" })).Status);
        Assert.Equal(200, (await host.PostJsonAsync($"/api/cases/{caseId}/service/{serviceId}/postal-result", Clerk, new { result = "mailed", date = "2098-11-28", trackingNumber = "EMS1234567890" })).Status);
        // A judge may not order public notice while post is still under way.
        Assert.Equal(422, (await host.PostJsonAsync($"/api/cases/{caseId}/service/{serviceId}/public-notice", Judge, new { reasons = "下落不明", lastPostedOn = "2098-11-28" })).Status);
        var returned = await host.PostJsonAsync($"/api/cases/{caseId}/service/{serviceId}/postal-result", Clerk, new { result = "returned", date = "2098-12-01", trackingNumber = "EMS1234567890" });
        Assert.Equal(200, returned.Status);
        // Returned from an address the court found is not service: the route moves on to public notice.
        Assert.Equal("awaiting-public-notice-decision", returned.Json.GetProperty("status").GetString());

        Assert.Equal(400, (await host.PostJsonAsync($"/api/cases/{caseId}/service/{serviceId}/public-notice", Judge, new { lastPostedOn = "2098-12-02" })).Status);
        var ordered = await host.PostJsonAsync($"/api/cases/{caseId}/service/{serviceId}/public-notice", Judge,
            new { reasons = "受送达人下落不明，邮寄送达被退回", lastPostedOn = "2098-12-02" });
        Assert.Equal(200, ordered.Status);
        Assert.Equal("public-notice-posted", ordered.Json.GetProperty("status").GetString());

        // The workflow now waits for the end of the 30 days from the last posting (CPL art. 95, counted under art. 85).
        var deadline = Domain.ServiceOfProcess.PublicNotice.DeemedServed(host.Services.GetRequiredService<Domain.Calendar.DeadlineCalculator>(), new DateOnly(2098, 12, 2));
        var instance = ServiceWorkflow.InstanceId(caseId, serviceId);
        var waiting = await WaitForWorkflowAsync(host, instance, w => w?.Status == Domain.ServiceOfProcess.ServiceStatus.PublicNoticePosted);
        Assert.Equal(deadline.EndsAt, waiting!.WakeAt);

        // Court time reaches the period's end: the woken workflow completes service and certifies it.
        await host.MoveClockAsync(deadline.EndsAt);
        var served = await WaitForServiceAsync(host, caseId, "complaint-copy", Certified);
        Assert.Equal("PublicNoticeElapsed", served.GetProperty("rule").GetString());
        Assert.Equal(deadline.EndsAt, served.GetProperty("servedAt").GetDateTimeOffset());
        // The notice's days do not count towards the trial time limit (CPL Interpretation art. 243): 12-03 to the last day.
        var excluded = Assert.Single((await host.Store.GetAsync(caseId))!.Case.TrialLimit!.Exclusions);
        Assert.Equal((new DateOnly(2098, 12, 3), deadline.LastDay.AddDays(1)), (excluded.From, excluded.To));
    }

    [Fact]
    public async Task PublicNotice_RefusedInSimplifiedProcedure_JudgeConvertsToOrdinary_FeeToppedUp_ThenOrdered()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, _) = await RegisteredAsync(host, Filings.Property("user-liu", procedure: "simplified"));
        // The organisation defendant gave no consent: post first.
        var byPost = await WaitForServiceAsync(host, caseId, "complaint-copy", s => s.GetProperty("channel").GetString() == "post");
        var serviceId = byPost.GetProperty("serviceId").GetString()!;
        await host.PostJsonAsync($"/api/cases/{caseId}/service/{serviceId}/postal-result", Clerk, new { result = "mailed", date = "2098-11-27" });
        await host.PostJsonAsync($"/api/cases/{caseId}/service/{serviceId}/postal-result", Clerk, new { result = "returned", date = "2098-11-30" });
        var refused = await host.PostJsonAsync($"/api/cases/{caseId}/service/{serviceId}/public-notice", Judge, new { reasons = "下落不明", lastPostedOn = "2098-12-01" });
        Assert.Equal(422, refused.Status);
        Assert.Equal("urn:ecourt:problem:public-notice-needs-ordinary-procedure", refused.Json.GetProperty("type").GetString());

        Assert.Equal(403, (await host.PostJsonAsync($"/api/cases/{caseId}/procedure", Clerk, new { procedure = "ordinary", reasons = new[] { "需公告送达" } })).Status);
        Assert.Equal(400, (await host.PostJsonAsync($"/api/cases/{caseId}/procedure", Judge, new { procedure = "ordinary" })).Status);
        var converted = await host.PostJsonAsync($"/api/cases/{caseId}/procedure", Judge, new { procedure = "ordinary", reasons = new[] { "被告下落不明，需公告送达" } });
        Assert.Equal(200, converted.Status);
        Assert.Equal("ordinary", converted.Json.GetProperty("procedure").GetString());
        // The simplified procedure's halved fee (1,150.00) becomes the full fee (2,300.00).
        Assert.Equal("2300.00", converted.Json.GetProperty("feeNotice").GetProperty("amountDue").GetString());
        Assert.Equal(422, (await host.PostJsonAsync($"/api/cases/{caseId}/procedure", Judge, new { procedure = "ordinary", reasons = new[] { "x" } })).Status);
        var ordered = await host.PostJsonAsync($"/api/cases/{caseId}/service/{serviceId}/public-notice", Judge, new { reasons = "下落不明", lastPostedOn = "2098-12-01" });
        Assert.Equal(200, ordered.Status);
    }

    [Fact]
    public async Task ComplaintCopyByPost_NotMailedWithinFiveDays_ClerkFlaggedOnce()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, _) = await RegisteredAsync(host);
        var byPost = await WaitForServiceAsync(host, caseId, "complaint-copy", s => s.GetProperty("channel").GetString() == "post");
        var serviceId = byPost.GetProperty("serviceId").GetString()!;
        // Registered Thu 2098-11-27: the dispatch deadline is the end of Tue 2098-12-02 (5 days, CPL art. 128); the workflow waits until then.
        var instance = ServiceWorkflow.InstanceId(caseId, serviceId);
        var waiting = await WaitForWorkflowAsync(host, instance, w => w?.DispatchDue == true);
        Assert.Equal(CourtTestHost.China("2098-12-03T00:00"), waiting!.WakeAt);

        // When it passes (the activity run here directly: the timer is decades away), the case is flagged for the clerk, once.
        var flag = host.Services.GetRequiredService<FlagDispatchOverdue>();
        await flag.RunAsync(new ServiceRef(caseId, serviceId));
        Assert.DoesNotContain((await host.Store.GetFileAsync(caseId))!.Events, e => e.Action == "ComplaintDispatchOverdue");
        host.Clock.SetUtcNow(CourtTestHost.China("2098-12-03T00:00"));
        await flag.RunAsync(new ServiceRef(caseId, serviceId));
        await flag.RunAsync(new ServiceRef(caseId, serviceId));
        Assert.Single((await host.Store.GetFileAsync(caseId))!.Events, e => e.Action == "ComplaintDispatchOverdue");
        Assert.NotNull((await host.Store.GetAsync(caseId))!.Case.ServiceOfProcess!.DispatchOverdueFlaggedAt);
    }

    [Fact]
    public async Task NoEvidenceInTime_MovesToTheNextChannel()
    {
        // A real clock and a two-second SMS timeout, so the workflow's own timer fires.
        await using var host = await CourtTestHost.StartAsync(DateTimeOffset.UtcNow, settings: new Dictionary<string, string?> { ["ECourt:Service:SmsTimeout"] = "00:00:02" });
        var (caseId, _) = await RegisteredWithLinkedDefendantAsync(host);
        await WaitForSmsAsync(host, "13900000000", "起诉状副本");
        host.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        var byPost = await WaitForServiceAsync(host, caseId, "complaint-copy", s => s.GetProperty("channel").GetString() == "post");
        Assert.Equal("timed-out", byPost.GetProperty("attempts")[0].GetProperty("outcome").GetString());
    }

    /// <summary>A case store whose commits of service rows fail once after the first <paramref name="okWrites"/>: the crash comes after the gateway took the notice.</summary>
    private sealed class LosingStore(ICaseStore inner, int okWrites) : ICaseStore
    {
        private int _writes;
        public Task<StoredCase?> GetAsync(string caseId, CancellationToken ct = default) => inner.GetAsync(caseId, ct);
        public Task<CaseFile?> GetFileAsync(string caseId, CancellationToken ct = default) => inner.GetFileAsync(caseId, ct);
        public Task<StoredRow<T>?> GetRowAsync<T>(string caseId, CaseRowKind<T> kind, string id, CancellationToken ct = default) where T : class => inner.GetRowAsync(caseId, kind, id, ct);
        public Task<IReadOnlyList<T>> ListRowsAsync<T>(string caseId, CaseRowKind<T> kind, CancellationToken ct = default) where T : class => inner.ListRowsAsync(caseId, kind, ct);
        public Task<CommitResult> CommitAsync(CaseChange change, string? snapshotETag, CancellationToken ct = default) =>
            change.Upserts.Any(r => r.Key.StartsWith(ServiceRows.Services.Prefix, StringComparison.Ordinal)) && Interlocked.Increment(ref _writes) == okWrites + 1
                ? throw new Azure.RequestFailedException(503, "Storage unavailable")
                : inner.CommitAsync(change, snapshotETag, ct);
    }

    [Fact]
    public async Task NoticeSent_ConfirmationLost_RetryDoesNotSendTwice()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, complaintId) = await RegisteredAsync(host);
        var courtCase = (await host.Store.GetAsync(caseId))!.Case;
        var plaintiff = courtCase.Parties[0];
        // A summons to the plaintiff, recorded but not started, so only this test's activity sends it.
        var record = Domain.ServiceOfProcess.ServiceRecord.Start(caseId, complaintId, Domain.ServiceOfProcess.ServedDocumentKind.Summons, "00", plaintiff.PartyNumber, plaintiff.Name,
            plaintiff.UserId, Domain.ServiceOfProcess.ServiceRoute.For(plaintiff, courtCase.FiledBy, Domain.ServiceOfProcess.ServiceRoute.DefaultChannelOrder), host.Clock.GetUtcNow());
        await host.Services.GetRequiredService<ServiceRecords>().CreateAsync(record, default);
        // The first write (the attempt recorded before sending) succeeds; the second (the gateway's answer) is lost.
        var losing = new LosingStore(host.Store, okWrites: 1);
        var records = ActivatorUtilities.CreateInstance<ServiceRecords>(host.Services, (ICaseStore)losing, new CaseChanges(losing));
        var send = ActivatorUtilities.CreateInstance<SendServiceNotice>(host.Services, records, (ICaseStore)losing);
        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => send.RunAsync(new ServiceRef(caseId, record.ServiceId)));
        host.Clock.SetUtcNow(CourtTestHost.Future.AddMinutes(5));
        var state = await send.RunAsync(new ServiceRef(caseId, record.ServiceId));
        Assert.True(state.Started);

        var outbox = (LocalSmsOutbox)host.Services.GetRequiredService<ISmsGateway>();
        var summonses = (await outbox.ListAsync(100, default)).Where(m => m.Text.Contains("传票")).ToList();
        var sent = Assert.Single(summonses);
        var attempt = Assert.Single((await host.Store.GetRowAsync(caseId, ServiceRows.Services, record.ServiceId))!.Value.Attempts);
        Assert.Equal(sent.MessageId, attempt.ProviderMessageId);
        // The notice keeps the time it was first sent, not the retry's.
        Assert.Equal(CourtTestHost.Future, attempt.StartedAt);
        Assert.Equal(CourtTestHost.Future, sent.SentAt);
    }

    [Fact]
    public async Task EmailNotice_OverSmtp_OpenedFromItsLink_Served()
    {
        using var smtp = netDumbster.smtp.SimpleSmtpServer.Start(CourtTestHost.FreePort());
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future, settings: new Dictionary<string, string?>
        {
            ["ECourt:Service:Smtp:Port"] = smtp.Configuration.Port.ToString(),
            ["ECourt:Service:Smtp:Security"] = "None",
        });
        // The plaintiff confirmed an email address only (and gave no phone, which with consent would be an address too).
        var body = Filings.Property("user-liu");
        var plaintiff = (Dictionary<string, object?>)((object[])body["parties"]!)[0];
        plaintiff.Remove("phone");
        plaintiff["serviceAddresses"] = new object[] { new Dictionary<string, object?> { ["channel"] = "email", ["address"] = "liu@example.com" } };
        var (caseId, _) = await RegisteredAsync(host, body);

        var mail = await CourtSteps.WaitUntilAsync(() => Task.FromResult(smtp.ReceivedEmail.FirstOrDefault()), m => m is not null, "an email");
        // The mail leaves before the service records it as sent; the party opens it after that, or the reading, recorded
        // first, would leave the attempt without the provider's message id.
        await WaitForServiceAsync(host, caseId, "fee-notice", s => s.GetProperty("attempts")[0].TryGetProperty("providerMessageId", out _));
        var mime = MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(mail!.Data)));
        Assert.Contains("缴费通知书", mime.Subject);
        Assert.Equal("liu@example.com", mail.ToAddresses.Single().Address);
        var token = Uri.UnescapeDataString(LinkToken().Match(mime.TextBody ?? "").Groups[1].Value);
        Assert.Equal(200, (await host.GetAsync("/api/inbox/open?t=" + Uri.EscapeDataString(token), Liu)).Status);
        var served = await WaitForServiceAsync(host, caseId, "fee-notice", Certified);
        Assert.Equal("email", served.GetProperty("channel").GetString());
        Assert.Equal("ReadAtFoundAddress", served.GetProperty("rule").GetString());
        Assert.Equal(mime.MessageId, served.GetProperty("attempts")[0].GetProperty("providerMessageId").GetString());
    }

    [Fact]
    public async Task WithoutDurableClient_WorkflowStartGoesByQueue_RelayStartsIt()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, complaintId) = await RegisteredAsync(host);
        var courtCase = (await host.Store.GetAsync(caseId))!.Case;
        var record = Domain.ServiceOfProcess.ServiceRecord.Start(caseId, complaintId, Domain.ServiceOfProcess.ServedDocumentKind.Summons, "00", 1, "刘志强", "user-liu",
            Domain.ServiceOfProcess.ServiceRoute.For(courtCase.Parties[0], courtCase.FiledBy, Domain.ServiceOfProcess.ServiceRoute.DefaultChannelOrder), host.Clock.GetUtcNow());
        await host.Services.GetRequiredService<ServiceRecords>().CreateAsync(record, default);
        // The Functions app's activities have no durable client: the start goes on the queue.
        await new ECourt.Functions.Messaging.QueuedDurableMessaging(host.Storage).SendAsync(new StartServiceWorkflow(caseId, record.ServiceId));
        var queued = (await host.Storage.CaseSignals.ReceiveMessagesAsync(32)).Value.Single(m => m.Body.ToString().Contains(record.ServiceId));
        Assert.Null(await host.Client.GetInstanceAsync(ServiceWorkflow.InstanceId(caseId, record.ServiceId)));

        var relay = ActivatorUtilities.CreateInstance<ECourt.Functions.Messaging.DurableMessageRelay>(host.Services);
        await relay.Relay(queued.Body.ToString(), host.Client, new TestFunctionContext("RelayCaseSignal"));
        Assert.NotNull(await host.Client.GetInstanceAsync(ServiceWorkflow.InstanceId(caseId, record.ServiceId)));
        await WaitForSmsAsync(host, "13800000000", "传票");
    }

    [Fact]
    public async Task ServeDocument_KindNotTheDocuments_Refused422_NothingStarted()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, complaintId) = await RegisteredAsync(host);
        var feeNotice = await WaitForServiceAsync(host, caseId, "fee-notice", _ => true);
        var feeNoticeId = feeNotice.GetProperty("documentId").GetString()!;
        // Registration starts both services: wait for the complaint copy's too, so the count below is not a race with it.
        await WaitForServiceAsync(host, caseId, "complaint-copy", _ => true);

        // The complaint served "as the fee notice" would start the fee period from the wrong document; the fee notice as a
        // complaint copy, the answer period.
        var serve = $"/api/cases/{caseId}/service";
        var asFeeNotice = await host.PostJsonAsync(serve, Clerk, new { documentId = complaintId, kind = "fee-notice", partyNumber = 1 });
        Assert.Equal(422, asFeeNotice.Status);
        Assert.Equal("urn:ecourt:problem:served-kind-must-match-document", asFeeNotice.Json.GetProperty("type").GetString());
        var asComplaint = await host.PostJsonAsync(serve, Clerk,
            new { documentId = feeNoticeId, kind = "complaint-copy", partyNumber = 2 });
        Assert.Equal(422, asComplaint.Status);
        Assert.Equal("urn:ecourt:problem:served-kind-must-match-document", asComplaint.Json.GetProperty("type").GetString());
        Assert.Null(await host.Store.GetRowAsync(caseId, ServiceRows.Services, ServiceRecord.IdFor(complaintId, 1)));
        Assert.Null(await host.Store.GetRowAsync(caseId, ServiceRows.Services, ServiceRecord.IdFor(feeNoticeId, 2)));
        Assert.Equal(2, (await host.GetAsync($"/api/cases/{caseId}/service", Clerk)).Json.GetProperty("items").GetArrayLength());

        // The complaint as what it is: served.
        Assert.Equal("complaint-copy", (await ServeAsync(host, caseId, complaintId, party: 1)).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task ListServices_APartySeesTheAddressesOfItsOwnServicesOnly_StaffSeeAll()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, _) = await RegisteredWithLinkedDefendantAsync(host);
        await WaitForServiceAsync(host, caseId, "fee-notice", s => s.GetProperty("attempts").GetArrayLength() == 1);
        await WaitForServiceAsync(host, caseId, "complaint-copy", s => s.GetProperty("attempts").GetArrayLength() == 1);

        static JsonElement Of(TestResponse r, int party) =>
            r.Json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("partyNumber").GetInt32() == party);
        var liu = await host.GetAsync($"/api/cases/{caseId}/service", Liu);
        Assert.Equal(200, liu.Status);
        Assert.Equal("13800000000", Of(liu, 1).GetProperty("address").GetString());
        Assert.Equal(1, Of(liu, 1).GetProperty("attempts").GetArrayLength());
        // The defendant's service: what was served, on whom, where it stands and when; not where or how.
        var other = Of(liu, 2);
        Assert.Equal("complaint-copy", other.GetProperty("kind").GetString());
        Assert.Equal("in-progress", other.GetProperty("status").GetString());
        Assert.True(other.TryGetProperty("startedAt", out _));
        foreach (var hidden in new[] { "address", "attempts", "recipient", "channel", "addressConfirmed", "certificateId" })
            Assert.False(other.TryGetProperty(hidden, out _), hidden);
        Assert.DoesNotContain("13900000000", liu.Text);

        var wang = await host.GetAsync($"/api/cases/{caseId}/service", Wang);
        Assert.Equal("13900000000", Of(wang, 2).GetProperty("address").GetString());
        Assert.DoesNotContain("13800000000", wang.Text);

        var clerk = await host.GetAsync($"/api/cases/{caseId}/service", Clerk);
        Assert.Equal("13800000000", Of(clerk, 1).GetProperty("address").GetString());
        Assert.Equal("13900000000", Of(clerk, 2).GetProperty("address").GetString());
    }

    [Fact]
    public async Task DeliveryReport_DatedBeforeTheNoticeWasSent_ServedWhenSent_RecordedAsSuch()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, _) = await RegisteredAsync(host);
        var sms = await WaitForSmsAsync(host, "13800000000", "缴费通知书");
        var sent = (await WaitForServiceAsync(host, caseId, "fee-notice", s => s.GetProperty("attempts").GetArrayLength() == 1))
            .GetProperty("attempts")[0].GetProperty("startedAt").GetDateTimeOffset();

        // A provider's clock 16 days behind court time (the local host's moved clock, a skewed gateway): not service 16 days ago.
        var early = CourtTestHost.Future.AddDays(-16);
        Assert.Equal(1, (await WebhookAsync(host, SmsReport(sms.MessageId, "Delivered", early))).Json.GetProperty("recorded").GetInt32());
        var served = await WaitForServiceAsync(host, caseId, "fee-notice", Certified);
        Assert.Equal(sent, served.GetProperty("servedAt").GetDateTimeOffset());
        var attempt = served.GetProperty("attempts")[0];
        Assert.Equal(sent, attempt.GetProperty("evidenceAt").GetDateTimeOffset());
        Assert.Contains("before the notice was sent", attempt.GetProperty("evidence").GetString());
        // The fee period runs from the day after the notice was sent (Thu 2098-11-27), not from 16 days before.
        var due = await host.WaitForCaseAsync(caseId, f => f.Case.FeeNotice!.DueDate is not null, "a fee due date");
        Assert.Equal(new DateOnly(2098, 12, 4), due.Case.FeeNotice!.DueDate);
        // The same report again changes nothing.
        await WebhookAsync(host, SmsReport(sms.MessageId, "Delivered", early));
        Assert.Equal(served.GetProperty("attempts").GetRawText(),
            (await WaitForServiceAsync(host, caseId, "fee-notice", _ => true)).GetProperty("attempts").GetRawText());
    }

    [Fact]
    public async Task PostalResult_DatedBeforeTheMailing_Refused422_NothingChanges()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, _) = await RegisteredAsync(host);
        var byPost = await WaitForServiceAsync(host, caseId, "complaint-copy", s => s.GetProperty("channel").GetString() == "post");
        var serviceId = byPost.GetProperty("serviceId").GetString()!;
        var path = $"/api/cases/{caseId}/service/{serviceId}/postal-result";
        var mailed = await host.PostJsonAsync(path, Clerk, new { result = "mailed", date = "2098-11-28", trackingNumber = "EMS12345678" });
        Assert.Equal(200, mailed.Status);

        foreach (var result in new[] { "received", "returned" })
        {
            var early = await host.PostJsonAsync(path, Clerk, new { result, date = "2098-11-27", trackingNumber = "EMS1234567890" });
            Assert.Equal(422, early.Status);
            Assert.Equal("urn:ecourt:problem:postal-result-before-mailing", early.Json.GetProperty("type").GetString());
        }
        var unchanged = await WaitForServiceAsync(host, caseId, "complaint-copy", _ => true);
        Assert.Equal("in-progress", unchanged.GetProperty("status").GetString());
        Assert.Equal("sent", unchanged.GetProperty("attempts")[0].GetProperty("outcome").GetString());

        // Received the day it was mailed: served that day.
        var received = await host.PostJsonAsync(path, Clerk, new { result = "received", date = "2098-11-28" });
        Assert.Equal(200, received.Status);
        Assert.Equal("served", received.Json.GetProperty("status").GetString());
    }
}
