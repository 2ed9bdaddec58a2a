using System.Text;
using System.Text.Json;
using ECourt.Adapters.Communication;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Fees;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// A party who files online is served online, and only what a party says of itself counts as its consent and its
/// confirmed addresses (CPL art. 90; DOMAIN.md, service of documents).
/// </summary>
public class OnlineFilerServiceTests
{
    private static readonly string Liu = CourtTestHost.Principal("user-liu", "party");

    /// <summary>API.md's filing body as written there, with its placeholders filled in.</summary>
    private const string ApiMdFiling = """
        {
          "court": "黑01",
          "caseType": "property",
          "procedure": "ordinary",
          "cause": "民间借贷纠纷",
          "claimAmount": "100000.00",
          "claims": "判令被告偿还借款100000元",
          "facts": "…",
          "parties": [
            { "role": "plaintiff", "kind": "person", "name": "刘志强",
              "idNumber": "11010519491231002X", "phone": "13800000000",
              "email": "a@example.com", "address": "…", "userId": "user-liu",
              "electronicServiceConsent": true },
            { "role": "defendant", "kind": "organisation", "name": "…",
              "creditCode": "91230102MA1C8K7PX8", "address": "…" }
          ]
        }
        """;

    private static async Task<string> FileAsync(CourtTestHost host, string body)
    {
        var created = await host.SendAsync("POST", "/api/cases", Liu, Encoding.UTF8.GetBytes(body), "application/json");
        Assert.True(created.Status == 201, created.ToString());
        var caseId = created.Json.GetProperty("caseId").GetString()!;
        Assert.Equal(201, (await host.UploadAsync(caseId, Liu, Filings.Pdf)).Status);
        Assert.Equal(200, (await host.SendAsync("POST", $"/api/cases/{caseId}/submit", Liu)).Status);
        Assert.Equal(200, (await host.ReviewAsync(caseId, "accept")).Status);
        return caseId;
    }

    /// <summary>The fee notice's service as the plaintiff sees it, once it satisfies <paramref name="until"/>.</summary>
    private static async Task<JsonElement> FeeNoticeServiceAsync(CourtTestHost host, string caseId, Func<JsonElement, bool> until) =>
        (await CourtSteps.WaitUntilAsync(async () => (await host.GetAsync($"/api/cases/{caseId}/service", Liu)).Json.GetProperty("items")
            .EnumerateArray().Cast<JsonElement?>().FirstOrDefault(s => s!.Value.GetProperty("kind").GetString() == "fee-notice"),
            s => s is { } service && until(service), $"the fee notice's service of {caseId}"))!.Value;

    [Fact]
    public async Task ApiMdBody_FeeNoticeServedBySmsToThePhoneTheFilerGave_Confirmed()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await FileAsync(host, ApiMdFiling);

        var plaintiff = (await host.GetAsync($"/api/cases/{caseId}", Liu)).Json.GetProperty("parties")[0];
        var addresses = plaintiff.GetProperty("serviceAddresses").EnumerateArray().ToList();
        Assert.Equal(["sms 13800000000", "email a@example.com", "postal …"],
            addresses.Select(a => $"{a.GetProperty("channel").GetString()} {a.GetProperty("address").GetString()}").ToList());
        Assert.All(addresses, a => Assert.True(a.TryGetProperty("confirmedAt", out _)));

        var outbox = (LocalSmsOutbox)host.Services.GetRequiredService<ISmsGateway>();
        await CourtSteps.WaitUntilAsync(async () => (await outbox.ListAsync(100, default))
            .FirstOrDefault(m => m.To == "13800000000" && m.Text.Contains("缴费通知书")), m => m is not null, "the fee notice's SMS");
        var started = await FeeNoticeServiceAsync(host, caseId, s => s.GetProperty("attempts").GetArrayLength() == 1);
        Assert.Equal("sms", started.GetProperty("channel").GetString());
        Assert.True(started.GetProperty("addressConfirmed").GetBoolean());

        // Delivered to a confirmed address: served (not by post, not by public notice).
        await host.FeeNoticeServedAsync(caseId);
        var served = await FeeNoticeServiceAsync(host, caseId, s => s.GetProperty("status").GetString() == "served");
        Assert.Equal("DeliveredToConfirmedAddress", served.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task PlatformAccountOnly_ServedIntoItsInboxAtOnce()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var body = Filings.Property("user-liu");
        var plaintiff = (Dictionary<string, object?>)((object[])body["parties"]!)[0];
        plaintiff.Remove("phone");
        plaintiff.Remove("email");
        plaintiff.Remove("serviceAddresses");
        var caseId = await FileAsync(host, JsonSerializer.Serialize(body));

        var served = await FeeNoticeServiceAsync(host, caseId, s => s.GetProperty("status").GetString() == "served");
        Assert.Equal("inbox", served.GetProperty("channel").GetString());
        Assert.Equal("DeliveredToConfirmedAddress", served.GetProperty("rule").GetString());
        var item = Assert.Single((await host.GetAsync("/api/inbox", Liu)).Json.GetProperty("items").EnumerateArray());
        Assert.Equal(caseId, item.GetProperty("caseId").GetString());
        await host.WaitForCaseAsync(caseId, f => f.Case.FeeNotice!.ServedOn is not null, "the fee notice recorded as served");
    }

    [Fact]
    public async Task InboxItem_OpenedByItsId_ReadOnceByItsRecipientOnly()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await FileAsync(host, JsonSerializer.Serialize(Filings.Property("user-liu")));
        await FeeNoticeServiceAsync(host, caseId, s => s.GetProperty("attempts").GetArrayLength() >= 1);
        var item = await CourtSteps.WaitUntilAsync(async () => (await host.GetAsync("/api/inbox", Liu)).Json.GetProperty("items")
            .EnumerateArray().Cast<JsonElement?>().FirstOrDefault(), i => i is not null, "the fee notice in the plaintiff's inbox");
        var itemId = item!.Value.GetProperty("itemId").GetString()!;
        Assert.False(item.Value.TryGetProperty("readAt", out _));

        var opened = await host.GetAsync($"/api/inbox/items/{itemId}", Liu);
        Assert.Equal(200, opened.Status);
        Assert.Equal(caseId, opened.Json.GetProperty("caseId").GetString());
        Assert.Equal("fee-notice", opened.Json.GetProperty("kind").GetString());
        var readAt = opened.Json.GetProperty("readAt").GetDateTimeOffset();
        host.Clock.SetUtcNow(CourtTestHost.Future.AddHours(1));
        Assert.Equal(readAt, (await host.GetAsync($"/api/inbox/items/{itemId}", Liu)).Json.GetProperty("readAt").GetDateTimeOffset());
        Assert.Equal(404, (await host.GetAsync($"/api/inbox/items/{itemId}", CourtTestHost.Principal("user-wang", "party"))).Status);
    }

    [Fact]
    public async Task OnlineFiler_NoConsentNoAddress_ClerkFlaggedOnce_NeverPublicNotice()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var body = Filings.Property("user-liu");
        var plaintiff = (Dictionary<string, object?>)((object[])body["parties"]!)[0];
        plaintiff.Remove("electronicServiceConsent");
        plaintiff.Remove("serviceAddresses");
        var caseId = await FileAsync(host, JsonSerializer.Serialize(body));

        var waiting = await FeeNoticeServiceAsync(host, caseId, s => s.GetProperty("status").GetString() == "awaiting-clerk");
        Assert.Equal("clerk", waiting.GetProperty("channel").GetString());
        await host.WaitForEventAsync(caseId, "ServiceRouteExhausted");
        var flag = Assert.Single((await host.Store.GetFileAsync(caseId))!.Events, e => e.Action == "ServiceRouteExhausted");
        Assert.Contains("for the clerk", flag.Reason);
        // The judge cannot order public notice on it.
        var order = await host.PostJsonAsync($"/api/cases/{caseId}/service/{waiting.GetProperty("serviceId").GetString()}/public-notice",
            CourtSteps.Judge, new { reasons = "下落不明", lastPostedOn = "2098-12-01" });
        Assert.Equal(422, order.Status);
    }

    [Fact]
    public async Task PlaintiffListingItselfAsTheDefendantsLawyer_Refused_NothingFiled()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var body = Filings.Property("user-liu");
        var defendant = (Dictionary<string, object?>)((object[])body["parties"]!)[1];
        defendant["electronicServiceConsent"] = true;
        defendant["serviceAddresses"] = new object[] { new Dictionary<string, object?> { ["channel"] = "sms", ["address"] = "13900000000" } };
        defendant["representatives"] = new object[]
        {
            new Dictionary<string, object?> { ["kind"] = "lawyer", ["name"] = "刘志强", ["userId"] = "user-liu", ["licenceNumber"] = "12301201910123456", ["firm"] = "某律师事务所" },
        };
        var refused = await host.PostJsonAsync("/api/cases", Liu, body);
        Assert.Equal(400, refused.Status);
        Assert.True(refused.Json.GetProperty("errors").TryGetProperty("parties[1].representatives[0].userId", out _), refused.ToString());
        Assert.Empty((await host.GetAsync("/api/cases", Liu)).Json.GetProperty("items").EnumerateArray());
    }
}
